// The small $filter language the directory, meetings and subscriptions accept: parsing, the paths an
// expression reads, evaluation, and syntax errors with their position.
import assert from 'node:assert/strict';
import { FilterSyntaxError, filterPaths, matchesFilter, parseFilter } from '../../../../emulator/odata';

const user = {
  displayName: "Pat O'Brien",
  mail: 'PAT@contoso.example',
  businessPhones: ['+1 425'],
  id: 'u1',
};
const is = (src: string, item: object = user) => matchesFilter(parseFilter(src), item);

describe('emulator odata: $filter', () => {
  it('evaluates comparisons, in, functions and lambdas, case-insensitively', () => {
    assert.equal(is("startswith(displayName,'pat')"), true);
    assert.equal(is("displayName eq 'Pat O''Brien'"), true);
    assert.equal(is("mail eq 'pat@CONTOSO.example'"), true);
    assert.equal(is("id in ('u0','u1')"), true);
    assert.equal(is("id ne 'u1'"), false);
    assert.equal(is("businessPhones/any(p:p eq '+1 425')"), true);
    assert.equal(
      is("startswith(mail,'x') or (endswith(mail,'.example') and not contains(mail,'zzz'))"),
      true,
    );
    assert.equal(
      is("participants/any(p:p/id eq 'u9')", { participants: [{ id: 'u1' }, { id: 'U9' }] }),
      true,
    );
    assert.equal(is('jobTitle eq null'), true);
  });

  it('names the paths an expression reads, lambda variables resolved', () => {
    assert.deepEqual(filterPaths(parseFilter("participants/any(p:p/id eq 'x') or mail eq 'y'")), [
      'participants/id',
      'mail',
    ]);
  });

  it('reports syntax errors with their position', () => {
    for (const bad of [
      "startswith(displayName,'A'",
      "mail eq 'x",
      'mail gt 5',
      "mail eq 'x' extra",
      "id in ('a',)",
    ]) {
      assert.throws(
        () => parseFilter(bad),
        (e: unknown) => e instanceof FilterSyntaxError && e.position >= 0,
        bad,
      );
    }
  });
});
