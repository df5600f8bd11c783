import { useEffect, useState } from 'react';

/**
 * A formula typeset by KaTeX, loaded on first use (the "About this view" panels are closed by default,
 * so pages that never open one never load KaTeX). The TeX comes from the labs' own about.ts files,
 * never from a link or a file; until KaTeX has loaded, and if it fails, the plain-text formula shows.
 */
export function KatexFormula({ tex, fallback }: { tex: string; fallback: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([import('katex'), import('katex/dist/katex.min.css')])
      .then(([katex]) => {
        if (live)
          setHtml(katex.default.renderToString(tex, { throwOnError: false, displayMode: false, trust: false, output: 'htmlAndMathml' }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [tex]);
  if (html === null) return <span>{fallback}</span>;
  // KaTeX's output for our own static TeX; its MathML half is what screen readers read.
  return <span className="katex-formula" title={fallback} dangerouslySetInnerHTML={{ __html: html }} />;
}
