/** Importing CSV price files: preview, validation, progress, summary, history and undo. */
export function ImportView(): React.JSX.Element {
  return (
    <section className="pane-body" aria-label="Imports">
      <header className="pane-header">
        <h1>Imports</h1>
      </header>
    </section>
  );
}
