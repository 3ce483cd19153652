/**
 * Markdown to safe HTML for reports and notes: `marked` renders, DOMPurify removes everything that
 * could run (event handlers, `javascript:` links, scripts, frames, forms, styles), and `[n]` citations
 * become buttons that jump to reference n. Prose pasted from the web can never run script here; the
 * CSP (no inline script) is the second wall.
 */
import DOMPurify, { type Config } from 'dompurify';
import { marked } from 'marked';

const CITATION = /\[(\d{1,3})\](?![(:[])/g;

const PURIFY: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset'],
  ALLOW_DATA_ATTR: false,
  ADD_ATTR: ['data-cite'],
};

// Links open nowhere inside the app: they keep their address (shown on hover) and lose their target.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) node.removeAttribute('href');
    node.removeAttribute('target');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    // Remote images never load (the CSP would refuse them too); only data: pictures show.
    const src = node.getAttribute('src') ?? '';
    if (!/^data:image\/(png|jpeg|gif|webp);/i.test(src)) node.removeAttribute('src');
  }
});

/** The HTML of a Markdown text, sanitised; `[n]` become citation buttons when `citations` is set. */
export function renderMarkdown(markdown: string, options: { citations?: boolean } = {}): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  const clean = DOMPurify.sanitize(html, PURIFY) as unknown as string;
  if (!options.citations) return clean;
  // Citations only in text, never inside a tag or an attribute: split on tags and rewrite the rest.
  return clean
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(CITATION, (_m, n: string) => `<button type="button" class="cite" data-cite="${n}" title="Reference ${n}">[${n}]</button>`),
    )
    .join('');
}
