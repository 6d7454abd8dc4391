// A small OData $filter parser for the expressions these resources accept: comparisons (`eq`, `ne`),
// `in (...)`, `startswith/endswith/contains(path,'x')`, lambda `any(v:...)`, `and`, `or`, parentheses.
// String literals use single quotes, a quote inside doubled ('O''Brien').

import { FilterSyntaxError, tokenize } from './filter-tokens';
import type { Token } from './filter-tokens';

export { FilterSyntaxError } from './filter-tokens';

export type Literal = string | number | boolean | null;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'cmp'; op: 'eq' | 'ne'; path: string; value: Literal }
  | { kind: 'in'; path: string; values: Literal[] }
  | { kind: 'fn'; name: 'startswith' | 'endswith' | 'contains'; path: string; value: string }
  | { kind: 'any'; path: string; variable: string; body: FilterNode };

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly end: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private fail(what: string): never {
    const tok = this.peek();
    throw new FilterSyntaxError(what, tok ? tok.at : this.end);
  }

  private isWord(v: string): boolean {
    const tok = this.peek();
    return tok?.t === 'word' && tok.v.toLowerCase() === v;
  }

  private punct(v: '(' | ')' | ',' | ':'): void {
    const tok = this.peek();
    if (tok?.t !== 'punct' || tok.v !== v) this.fail(`'${v}' expected`);
    this.i++;
  }

  parseAll(): FilterNode {
    const node = this.or();
    if (this.peek()) this.fail('end of expression expected');
    return node;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.i++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.i++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    const tok = this.peek();
    if (!tok) this.fail('expression expected');
    if (this.isWord('not')) {
      this.i++;
      return { kind: 'not', operand: this.unary() };
    }
    if (tok.t === 'punct' && tok.v === '(') {
      this.i++;
      const inner = this.or();
      this.punct(')');
      return inner;
    }
    if (tok.t !== 'word') this.fail('property or function expected');
    this.i++;
    const name = tok.v.toLowerCase();
    if (name === 'startswith' || name === 'endswith' || name === 'contains') {
      this.punct('(');
      const path = this.path();
      this.punct(',');
      const value = this.literal();
      this.punct(')');
      if (typeof value !== 'string') this.fail(`${name} needs a string literal`);
      return { kind: 'fn', name, path, value };
    }
    const lambda = /^(.+)\/(any|all)$/i.exec(tok.v);
    if (lambda) {
      if (lambda[2]?.toLowerCase() !== 'any') this.fail("only the 'any' lambda is supported");
      this.punct('(');
      const v = this.peek();
      if (v?.t !== 'word') this.fail('lambda variable expected');
      this.i++;
      this.punct(':');
      const body = this.or();
      this.punct(')');
      return { kind: 'any', path: lambda[1] as string, variable: v.v, body };
    }
    const op = this.peek();
    if (op?.t !== 'word') this.fail('operator expected');
    const opName = op.v.toLowerCase();
    this.i++;
    if (opName === 'eq' || opName === 'ne')
      return { kind: 'cmp', op: opName, path: tok.v, value: this.literal() };
    if (opName === 'in') {
      this.punct('(');
      const values = [this.literal()];
      while (this.peek()?.t === 'punct' && this.peek()?.v === ',') {
        this.i++;
        values.push(this.literal());
      }
      this.punct(')');
      return { kind: 'in', path: tok.v, values };
    }
    return this.fail(`operator '${op.v}' is not supported`);
  }

  private path(): string {
    const tok = this.peek();
    if (tok?.t !== 'word') this.fail('property expected');
    this.i++;
    return tok.v;
  }

  private literal(): Literal {
    const tok = this.peek();
    if (!tok) this.fail('literal expected');
    this.i++;
    if (tok.t === 'str' || tok.t === 'num') return tok.v;
    if (tok.t === 'word') {
      const w = tok.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    this.i--;
    return this.fail('literal expected');
  }
}

/** Parses a $filter expression; throws FilterSyntaxError. */
export function parseFilter(src: string): FilterNode {
  return new Parser(tokenize(src), src.length).parseAll();
}

/** Every property path the expression reads (lambda bodies relative to their collection: `participants/id`). */
export function filterPaths(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterPaths(node.left), ...filterPaths(node.right)];
    case 'not':
      return filterPaths(node.operand);
    case 'any':
      return filterPaths(node.body).map((p) => {
        const [head, ...rest] = p.split('/');
        return head === node.variable ? [node.path, ...rest].join('/') : p;
      });
    default:
      return [node.path];
  }
}
