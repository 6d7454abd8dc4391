import assert from 'node:assert/strict';
import type { User } from '@microsoft/microsoft-graph-types';
import { mapGraphError } from '../../../../calling/graph/error-map';
import { createPeoplePort, personOf } from '../../../../server/bot-ports/people-port';
import type { DirectoryApi } from '../../../../server/bot-ports/types';

const USERS: User[] = [
  {
    id: 'u-adele',
    displayName: 'Adele Vance',
    mail: 'adele.vance@contoso.example',
    userPrincipalName: 'adele.vance@contoso.example',
    businessPhones: ['+1 425 555 0100'],
  },
  { id: 'u-alex', displayName: 'Alex Wilber', userPrincipalName: 'alex.wilber@contoso.example' },
  { id: 'u-allan', displayName: 'Allan Deyoung', mail: 'allan@contoso.example' },
];

const notFound = (path: string) =>
  mapGraphError({
    status: 404,
    body: { error: { code: 'Request_ResourceNotFound', message: 'Resource does not exist.' } },
    method: 'GET',
    path,
    attempts: 1,
    idempotent: true,
  });

/** The directory as calling's users API answers: by id or UPN, and by display-name prefix. */
function directory(calls: string[] = []): DirectoryApi {
  return {
    async getUser(idOrUpn) {
      calls.push(`get ${idOrUpn}`);
      const u = USERS.find((x) => x.id === idOrUpn || x.userPrincipalName === idOrUpn);
      if (!u) throw notFound(`/users/${idOrUpn}`);
      return u;
    },
    async searchUsers(prefix, opts) {
      calls.push(`search ${prefix} top ${opts?.top}`);
      return USERS.filter((u) => u.displayName!.toLowerCase().startsWith(prefix.toLowerCase())).slice(
        0,
        opts?.top,
      );
    },
  };
}

describe('bot ports: people over the directory', () => {
  it('reads a user as a Person with an E.164 phone', () => {
    assert.deepEqual(personOf(USERS[0]!), {
      id: 'u-adele',
      displayName: 'Adele Vance',
      mail: 'adele.vance@contoso.example',
      userPrincipalName: 'adele.vance@contoso.example',
      phone: '+14255550100',
    });
    assert.equal(personOf({ displayName: 'No id' }), undefined);
  });

  it('search by name: a display-name prefix, at most the limit', async () => {
    const calls: string[] = [];
    const people = createPeoplePort(directory(calls));
    const found = await people.search('al', { limit: 1 });
    assert.deepEqual(
      found.map((p) => p.id),
      ['u-alex'],
    );
    assert.deepEqual(calls, ['search al top 1']);
    assert.deepEqual(
      (await people.search('a')).map((p) => p.displayName),
      ['Adele Vance', 'Alex Wilber', 'Allan Deyoung'],
    );
    assert.deepEqual(await people.search('   '), []);
  });

  it('search by address: the user principal name first, then names', async () => {
    const calls: string[] = [];
    const people = createPeoplePort(directory(calls));
    const [alex] = await people.search('alex.wilber@contoso.example');
    assert.equal(alex?.id, 'u-alex');
    assert.deepEqual(calls, ['get alex.wilber@contoso.example']);
    assert.deepEqual(await people.search('nobody@contoso.example'), []);
  });

  it('getById: a person, or undefined when the directory has nobody', async () => {
    const people = createPeoplePort(directory());
    assert.equal((await people.getById('u-adele'))?.displayName, 'Adele Vance');
    assert.equal(await people.getById('u-missing'), undefined);
  });

  it('other directory failures reach the bot as port errors with a hint', async () => {
    const people = createPeoplePort({
      getUser: () =>
        Promise.reject(
          mapGraphError({
            status: 403,
            body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } },
            method: 'GET',
            path: '/users/u-adele',
            attempts: 1,
            idempotent: true,
          }),
        ),
      searchUsers: () => Promise.resolve([]),
    });
    await assert.rejects(people.getById('u-adele'), (e: Error & { code?: string; hint?: string }) => {
      assert.equal(e.code, 'graph_permission_missing');
      assert.match(e.hint ?? '', /User\.Read\.All/);
      return true;
    });
  });
});
