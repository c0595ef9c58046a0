import './policy-json.css';

/** A read-only policy document, monospaced and scrollable, labelled for screen readers. */
export function PolicyJsonViewer({ json, label, maxHeight }: { json: string; label: string; maxHeight?: number }) {
  return (
    <pre className="policy-json-viewer" aria-label={label} tabIndex={0} style={maxHeight ? { maxHeight } : undefined}>
      {json}
    </pre>
  );
}
