import { z } from 'zod';
import type { SampleStatus } from '../sample';
import { channel } from './define';

/** Channels of the sample domain. */
export const sampleChannels = {
  /** Whether the sample is in the archive. */
  'sample:status': channel(z.object({}).strict())<SampleStatus>(),
  /** Loads the sample (prices through the normal import, then its report and notes); nothing when present. */
  'sample:load': channel(z.object({}).strict())<SampleStatus>(),
  /** Removes all of the sample: its report and notes, and its imports (undone). */
  'sample:remove': channel(z.object({}).strict())<SampleStatus>(),
};
