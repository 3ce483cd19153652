import type { CheckedClaim, Verdict } from './claims';

/** The mark each verdict shows beside its figure. */
export const VERDICT_MARK: Record<Verdict, string> = { holds: '✓', otherBasis: '≈', differs: '✗', unchecked: '?' };
/** Each verdict in words. */
export const VERDICT_LABEL: Record<Verdict, string> = { holds: 'holds', otherBasis: 'holds on another basis', differs: 'differs', unchecked: 'cannot be checked' };

const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What a mark says of its claim, in one line (its tooltip and accessible name). */
export function claimSummary(c: CheckedClaim): string {
  const what = c.explicit ? `${c.ticker ?? c.subject} ${c.metric}${c.display ? ` = ${c.display}` : ''}` : c.figure;
  return `${what}: ${VERDICT_LABEL[c.verdict]}${c.note ? ` — ${c.note}` : ''}`;
}

/**
 * Marks each checked figure in a section's sanitised HTML, in reading order: the figure wrapped in a
 * span of its verdict's colour, a small button after it that opens the claim in the panel. Only text is
 * touched, never a tag or an attribute; a figure the HTML does not hold (a reader's reading of a table,
 * say) is left unmarked.
 */
export function markClaims(html: string, all: Array<{ index: number; claim: CheckedClaim }>): string {
  // Computations written in the Markdown are replaced where they stand: the value, or the stated figure.
  for (const { index, claim } of all.filter((c) => c.claim.explicit)) {
    const token = escapeText(claim.figure);
    const at = html.indexOf(token);
    if (at < 0) continue;
    const summary = escapeAttr(claimSummary(claim));
    const shown = claim.display ?? (/\{\{\s*([^=]+?)\s*=/.exec(claim.figure)?.[1] ?? '—');
    const mark = `<button type="button" class="claim-mark v-${claim.verdict}" data-claim="${index}" title="${summary}" aria-label="${summary}">${VERDICT_MARK[claim.verdict]}</button>`;
    html = `${html.slice(0, at)}<span class="claim-fig v-${claim.verdict}${claim.display ? ' computed' : ''}">${escapeText(shown)}</span>${mark}${html.slice(at + token.length)}`;
  }
  const claims = all.filter((c) => !c.claim.explicit);
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
