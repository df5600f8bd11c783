/**
 * A tour step's caption: Markdown with KaTeX maths. Loaded lazily (react-markdown and KaTeX are only
 * needed during a tour). Never raw HTML: react-markdown shows HTML as text unless rehype-raw is
 * added (it is not), `skipHtml` drops it altogether, images are unwrapped (nothing is fetched), and
 * KaTeX runs untrusted (no \href, \url, \htmlClass …) with small expansion limits.
 */
import Markdown, { type Components } from 'react-markdown';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import 'katex/dist/katex.min.css';

const KATEX = { throwOnError: false, trust: false, strict: 'ignore' as const, maxSize: 20, maxExpand: 200 };

/** Links leave the tour in a new tab, without giving the new page a handle on this one. */
const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

export default function TourCaption({ text }: { text: string }) {
  return (
    <div className="tour-caption" data-testid="tour-caption">
      <Markdown
        remarkPlugins={[remarkMath]}
        rehypePlugins={[[rehypeKatex, KATEX]]}
        skipHtml
        disallowedElements={['img']}
        unwrapDisallowed
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
}
