/** Reads published CSV cells back to row values, undoing the documented conventions (empty = null, " | " lists, formula guard). */
import { LIST_SEPARATOR, type Column } from '../../schemas/columns.ts';
import { uninertText } from '../../pipeline/publish/csv.ts';

export const unescapeText = uninertText;

export function fromCell(c: Column, s: string): unknown {
  if (s === '') return c.kind === 'list' ? [] : c.kind === 'text' && !c.nullable ? '' : null;
  switch (c.kind) {
    case 'int':
    case 'float':
      return Number(s);
    case 'bool':
      return s === 'true';
    case 'list':
      return unescapeText(s).split(LIST_SEPARATOR);
    case 'text':
    case 'id':
      return unescapeText(s);
    default:
      return s;
  }
}
