import { useState } from 'react';
import { filesFromDrop } from './dropped-files';
import { useImport } from './import-state';

/** Makes the whole window a drop target for price files and folders. */
export function ImportDropTarget(props: { children: React.ReactNode }): React.JSX.Element {
  const { addTextFiles } = useImport();
  const [over, setOver] = useState(false);
  const hasFiles = (e: React.DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <div
      className="drop-root"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node)) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        void filesFromDrop(e.dataTransfer).then((files) => (files.length ? addTextFiles(files) : undefined));
      }}
    >
      {props.children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <div>Drop price files or a folder to import</div>
        </div>
      )}
    </div>
  );
}
