/** The side panel that holds the open report's notes. */
export function NotesPanel(): React.JSX.Element {
  return (
    <aside className="side-panel" aria-label="Notes">
      <h2 className="panel-title">Notes</h2>
      <p className="muted">Notes belong to a report. Open a report to read and edit its notes.</p>
    </aside>
  );
}
