import type { CheckedClaim, Verdict } from '@shared/claims';

/** The mark each verdict shows beside its figure. */
export const VERDICT_MARK: Record<Verdict, string> = { holds: '✓', otherBasis: '≈', differs: '✗', unchecked: '?' };
/** Each verdict in words. */
export const VERDICT_LABEL: Record<Verdict, string> = { holds: 'holds', otherBasis: 'holds on another basis', differs: 'differs', unchecked: 'cannot be checked' };

const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What a mark says of its claim, in one line (its tooltip and accessible name). */
export function claimSummary(c: CheckedClaim): string {
  return `${c.figure}: ${VERDICT_LABEL[c.verdict]}${c.note ? ` — ${c.note}` : ''}`;
}

/**
 * Marks each checked figure in a section's sanitised HTML, in reading order: the figure wrapped in a
 * span of its verdict's colour, a small button after it that opens the claim in the panel. Only text is
 * touched, never a tag or an attribute; a figure the HTML does not hold (a reader's reading of a table,
 * say) is left unmarked.
 */
export function markClaims(html: string, claims: Array<{ index: number; claim: CheckedClaim }>): string {
  let next = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<') || next >= claims.length) return part;
      let out = '';
      let rest = part;
      while (next < claims.length) {
        const { index, claim } = claims[next]!;
        const at = rest.indexOf(claim.figure);
        if (at < 0) break;
        const summary = escapeAttr(claimSummary(claim));
        out +=
          rest.slice(0, at) +
          `<span class="claim-fig v-${claim.verdict}">${claim.figure}</span>` +
          `<button type="button" class="claim-mark v-${claim.verdict}" data-claim="${index}" title="${summary}" aria-label="${summary}">${VERDICT_MARK[claim.verdict]}</button>`;
        rest = rest.slice(at + claim.figure.length);
        next++;
      }
      return out + rest;
    })
    .join('');
}
