/** The notes panel while no report is open: a light module, so the first screen does not load the editor. */
export function NotesPlaceholder(): React.JSX.Element {
  return (
    <aside className="side-panel" aria-label="Notes">
      <h2 className="panel-title">Notes</h2>
      <p className="muted">Notes belong to a report. Open a report to read and edit its notes.</p>
    </aside>
  );
}
