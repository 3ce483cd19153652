import { migration001 } from './001-initial';
import { migration002 } from './002-reports-notes';
import { migration003 } from './003-claim-reviews';
import { migration004 } from './004-corporate-actions';
import { migration005 } from './005-close-only';
import { migration006 } from './006-ticker-market';
import { migration007 } from './007-ticker-totals';
import { migration008 } from './008-packed-bars';
import { migration009 } from './009-narrow-packed-bars';
import { migration010 } from './010-packed-file';
import type { Migration } from './types';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];

/** The schema version this build of Breadth writes. */
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
