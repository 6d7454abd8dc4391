// Checks of JSON values against Edm primitive types, following the OData JSON format (4.0, §7.1) and
// the value grammar of the OData ABNF. Each check answers whether the value is acceptable.

export interface PrimitiveOptions {
  /** The request's Content-Type carried `IEEE754Compatible=true`: Int64 and Decimal arrive as strings. */
  ieee754Compatible?: boolean;
}

/** Why a value was refused: a wrong JSON kind, or the right kind with an unreadable literal. */
export type PrimitiveVerdict = 'ok' | 'kind' | 'literal' | 'ieee754';

const INT_RANGES: Record<string, [number, number]> = {
  'Edm.Byte': [0, 255],
  'Edm.SByte': [-128, 127],
  'Edm.Int16': [-32768, 32767],
  'Edm.Int32': [-2147483648, 2147483647],
  'Edm.Int64': [-Number.MAX_SAFE_INTEGER * 1024, Number.MAX_SAFE_INTEGER * 1024],
};

const DATE = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
const TIME = '([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,12})?)?';
const DATE_TIME_OFFSET = new RegExp(`^${DATE}T${TIME}(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$`);
const DATE_ONLY = new RegExp(`^${DATE}$`);
const TIME_OF_DAY = new RegExp(`^${TIME}$`);
// OData durations carry days and time only (no years, months or weeks), e.g. P1DT2H, PT5M, -PT0.5S.
const DURATION = /^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Base64url is what the OData JSON format writes; standard base64 is read as well.
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(==)?|[A-Za-z0-9+/_-]{3}=?)?$/;
const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** True for the Edm primitive type names this module knows. */
export function isPrimitiveType(typeName: string): boolean {
  return typeName.startsWith('Edm.');
}

/** Checks one non-null JSON value against an Edm primitive type. */
export function checkPrimitive(
  typeName: string,
  value: unknown,
  options: PrimitiveOptions = {},
): PrimitiveVerdict {
  const range = INT_RANGES[typeName];
  if (range) return checkInteger(typeName, value, range, options);
  switch (typeName) {
    case 'Edm.String':
      return typeof value === 'string' ? 'ok' : 'kind';
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? 'ok' : 'kind';
    case 'Edm.Double':
    case 'Edm.Single':
      if (typeof value === 'number') return 'ok';
      if (typeof value === 'string') return ['INF', '-INF', 'NaN'].includes(value) ? 'ok' : 'kind';
      return 'kind';
    case 'Edm.Decimal':
      if (typeof value === 'number') return options.ieee754Compatible ? 'ieee754' : 'ok';
      if (typeof value === 'string') {
        if (!DECIMAL_TEXT.test(value)) return 'literal';
        return options.ieee754Compatible ? 'ok' : 'ieee754';
      }
      return 'kind';
    case 'Edm.DateTimeOffset':
      return textMatching(value, DATE_TIME_OFFSET, isCalendarDate);
    case 'Edm.Date':
      return textMatching(value, DATE_ONLY, isCalendarDate);
    case 'Edm.TimeOfDay':
      return textMatching(value, TIME_OF_DAY);
    case 'Edm.Duration':
      return textMatching(value, DURATION);
    case 'Edm.Guid':
      return textMatching(value, GUID);
    case 'Edm.Binary':
      return textMatching(value, BASE64);
    case 'Edm.Stream':
      return 'kind';
    default:
      // Edm.Untyped, Edm.PrimitiveType and the spatial types: anything JSON can say.
      return 'ok';
  }
}

function checkInteger(
  typeName: string,
  value: unknown,
  [min, max]: [number, number],
  options: PrimitiveOptions,
): PrimitiveVerdict {
  const asString = typeName === 'Edm.Int64' && options.ieee754Compatible;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < min || value > max) return 'literal';
    return asString ? 'ieee754' : 'ok';
  }
  if (typeof value === 'string' && typeName === 'Edm.Int64') {
    if (!INTEGER_TEXT.test(value)) return 'literal';
    return asString ? 'ok' : 'ieee754';
  }
  return 'kind';
}

// The patterns allow day 31 in every month; the calendar decides (2024-02-30 is no date).
function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function textMatching(value: unknown, pattern: RegExp, extra?: (v: string) => boolean): PrimitiveVerdict {
  if (typeof value !== 'string') return 'kind';
  if (!pattern.test(value)) return 'literal';
  return extra && !extra(value) ? 'literal' : 'ok';
}
