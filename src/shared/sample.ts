/** Types of the sample domain: the sample archive and report a newcomer sees on first start. */

/** Whether the sample is in the archive, and what it consists of. */
export interface SampleStatus {
  present: boolean;
  reportId: number | null;
  /** The sample's import records (undone when it is removed). */
  importIds: number[];
  tickers: string[];
}
