import type { sampleChannels } from '../../shared/contract/sample';
import { loadSample, removeSample, sampleStatus } from '../sample/sample';
import type { DomainHandlers } from './handle';

/** Handlers of the sample domain. */
export const sampleHandlers: DomainHandlers<keyof typeof sampleChannels> = {
  'sample:status': (_input, { core }) => sampleStatus(core.db),
  'sample:load': (_input, { core }) => loadSample(core),
  'sample:remove': (_input, { core }) => removeSample(core),
};
