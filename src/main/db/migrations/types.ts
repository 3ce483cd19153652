/** One numbered schema change, applied in its own transaction when `PRAGMA user_version` is below it. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
