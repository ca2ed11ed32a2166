/**
 * Makes a message's HTML safe to show in an agent's browser. E-mail and social HTML is hostile:
 * only basic formatting, lists, quotes and http/https/mailto links survive; scripts, styles,
 * event handlers, frames, forms and every image (remote ones are tracking pixels) are dropped.
 */
import sanitizeHtml from 'sanitize-html';

const SAFE_LINK = /^\s*(https?|mailto):/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'del',
    'sub',
    'sup',
    'small',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'a',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Their text is code or markup, not message content.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'svg', 'math'],
  transformTags: {
    // Whatever rel and target the source set are replaced: only ours are safe.
    a: (tagName, { rel: _rel, target: _target, ...attribs }) => ({
      tagName,
      attribs:
        attribs.href && SAFE_LINK.test(attribs.href) ? { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } : attribs,
    }),
  },
};

export function sanitiseHtml(html: string | null): string | null {
  if (html === null) return null;
  return sanitizeHtml(html, OPTIONS);
}

/** A link from a message or attachment, kept only when it is a web address. */
export function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}
