import { BASIS_LABELS, PRICE_BASES } from '@shared/domain';

/** The price bases as the `<option>`s of a basis `<select>`, labelled one way everywhere. */
export function BasisOptions(): React.JSX.Element {
  return (
    <>
      {PRICE_BASES.map((b) => (
        <option key={b} value={b}>
          {BASIS_LABELS[b]}
        </option>
      ))}
    </>
  );
}
