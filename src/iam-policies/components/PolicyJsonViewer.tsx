import './policy-json.css';

/**
 * A read-only policy document, monospaced and scrollable, labelled for screen readers. `highlight` marks a
 * character range (e.g. a statement the policy simulator matched) with <mark>, which assistive technology announces.
 */
export function PolicyJsonViewer({
  json,
  label,
  maxHeight,
  highlight,
}: {
  json: string;
  label: string;
  maxHeight?: number;
  highlight?: { from: number; to: number; label: string };
}) {
  return (
    <pre className="policy-json-viewer" aria-label={label} tabIndex={0} style={maxHeight ? { maxHeight } : undefined}>
      {highlight ? (
        <>
          {json.slice(0, highlight.from)}
          <mark
            className="policy-json-highlight"
            aria-label={highlight.label}
            ref={(mark) => mark?.scrollIntoView({ block: 'nearest', inline: 'nearest' })}
          >
            {json.slice(highlight.from, highlight.to)}
          </mark>
          {json.slice(highlight.to)}
        </>
      ) : (
        json
      )}
    </pre>
  );
}
