import assert from 'node:assert/strict';
import type { CallingErrorCode } from '../../../../calling/errors';
import { guidanceForCallingCode } from '../../../../calling/graph/calling-codes';
import { mapGraphError, readGraphError } from '../../../../calling/graph/error-map';
import type { GraphFailure } from '../../../../calling/graph/error-map';

const TENANT = '4a1b2c3d-0000-4000-8000-000000000001';
const body = (code: string, message: string) => ({
  error: {
    code,
    message,
    innerError: { date: '2024-05-01T12:00:00', 'request-id': 'req-inner', 'client-request-id': 'c-inner' },
  },
});

function failure(over: Partial<GraphFailure>): GraphFailure {
  return {
    status: 500,
    body: undefined,
    method: 'GET',
    path: '/x',
    attempts: 1,
    idempotent: true,
    tenantId: TENANT,
    ...over,
  };
}

interface Row {
  readonly name: string;
  readonly f: Partial<GraphFailure>;
  readonly code: CallingErrorCode;
  readonly says: readonly RegExp[];
}

const ROWS: readonly Row[] = [
  {
    name: '403 "No application access policy" on an app-form meeting create',
    f: {
      status: 403,
      method: 'POST',
      path: '/users/u-42/onlineMeetings',
      body: body('Forbidden', 'No application access policy found for this app.'),
    },
    code: 'graph_access_policy_missing',
    says: [
      /New-CsApplicationAccessPolicy -Identity <policyName> -AppIds <appId>/,
      /Grant-CsApplicationAccessPolicy -PolicyName <policyName> -Identity u-42/,
      /-Global/,
      /30 minutes/,
    ],
  },
  {
    name: 'the older "not authorized to Create meeting on behalf of user" wording',
    f: {
      status: 403,
      method: 'POST',
      path: '/users/u-42/onlineMeetings',
      body: body('Unauthorized', 'App 1234 is not authorized to Create meeting on behalf of user u-42'),
    },
    code: 'graph_access_policy_missing',
    says: [/Grant-CsApplicationAccessPolicy/],
  },
  {
    name: '403 7504 on create call',
    f: {
      status: 403,
      method: 'POST',
      path: '/communications/calls',
      body: body('7504', 'Insufficient enterprise tenant permissions, cannot access this API.'),
    },
    code: 'graph_permission_missing',
    says: [
      /7504/,
      /admin consent/,
      new RegExp(`tenant ${TENANT}`),
      /Calls\.Initiate\.All/,
      /Teams license/,
      /another tenant/,
    ],
  },
  {
    name: '403 7505',
    f: { status: 403, method: 'POST', path: '/communications/calls', body: body('7505', 'Request denied.') },
    code: 'graph_permission_missing',
    says: [/7505/, /does not document/, /admin consent/],
  },
  {
    name: '403 naming the missing role',
    f: {
      status: 403,
      path: '/users/u1/presence',
      body: body(
        'Forbidden',
        "Missing role permissions on the request. API requires one of 'Presence.Read.All'. Roles on the request ''.",
      ),
    },
    code: 'graph_permission_missing',
    says: [/Presence\.Read\.All/, /grant admin consent/],
  },
  {
    name: '403 naming several acceptable roles',
    f: {
      status: 403,
      path: '/users/u1/presence',
      body: body(
        'Forbidden',
        "Missing role permissions on the request. API requires one of 'Presence.Read.All, Presence.ReadWrite.All'.",
      ),
    },
    code: 'graph_permission_missing',
    says: [/one of the Graph application permissions Presence\.Read\.All, Presence\.ReadWrite\.All/],
  },
  {
    name: '403 without a role named falls back to the endpoint table',
    f: {
      status: 403,
      path: '/users',
      body: body('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
    },
    code: 'graph_permission_missing',
    says: [/User\.Read\.All/, /grant admin consent/],
  },
  {
    name: '403 on an attendance report without the artifact role names OnlineMeetingArtifact.Read.All',
    f: {
      status: 403,
      path: '/users/u-42/onlineMeetings/m-1/attendanceReports',
      body: body('Forbidden', 'Forbidden.'),
    },
    code: 'graph_permission_missing',
    says: [/the Graph application permission OnlineMeetingArtifact\.Read\.All/, /grant admin consent/],
  },
  {
    name: "403 naming the artifact role in Graph's own words",
    f: {
      status: 403,
      path: '/users/u-42/onlineMeetings/m-1/attendanceReports/r-1',
      body: body(
        'Forbidden',
        "Missing role permissions on the request. API requires one of 'OnlineMeetingArtifact.Read.All'. Roles on the request 'OnlineMeetings.ReadWrite.All'.",
      ),
    },
    code: 'graph_permission_missing',
    says: [/OnlineMeetingArtifact\.Read\.All in Entra ID > App registrations > API permissions/],
  },
  {
    name: '403 on the delegated attendance path asks for the delegated permission',
    f: {
      status: 403,
      path: '/me/onlineMeetings/m-1/attendanceReports',
      body: body('Forbidden', 'Forbidden.'),
    },
    code: 'graph_permission_missing',
    says: [/the delegated Graph permission OnlineMeetingArtifact\.Read\.All/],
  },
  {
    name: '403 "No application access policy" on a meeting update names the PowerShell step',
    f: {
      status: 403,
      method: 'PATCH',
      path: '/users/u-42/onlineMeetings/m-1',
      body: body('General', 'No application access policy found for this app.'),
    },
    code: 'graph_access_policy_missing',
    says: [/Grant-CsApplicationAccessPolicy -PolicyName <policyName> -Identity u-42/],
  },
  {
    name: '404 8522 on an action',
    f: {
      status: 404,
      method: 'POST',
      path: '/communications/calls/c-1/playPrompt',
      body: body('8522', 'Call not found.'),
    },
    code: 'graph_call_gone',
    says: [/Call c-1 no longer exists/],
  },
  {
    name: '404 on DELETE of a call',
    f: {
      status: 404,
      method: 'DELETE',
      path: '/communications/calls/c-1',
      body: body('itemNotFound', 'Call not found'),
    },
    code: 'graph_call_gone',
    says: [/c-1/],
  },
  {
    name: '404 on keepAlive',
    f: { status: 404, method: 'POST', path: '/communications/calls/c-1/keepAlive', body: undefined },
    code: 'graph_call_gone',
    says: [/drop it locally/],
  },
  {
    name: '404 on the participant list means the call is gone',
    f: {
      status: 404,
      path: '/communications/calls/c-1/participants',
      body: body('itemNotFound', 'not found'),
    },
    code: 'graph_call_gone',
    says: [/c-1/],
  },
  {
    name: '404 on one participant',
    f: {
      status: 404,
      path: '/communications/calls/c-1/participants/p-9',
      body: body('itemNotFound', 'Participant not found'),
    },
    code: 'graph_not_found',
    says: [/Participant p-9 is not in call c-1/],
  },
  {
    name: '404 on one operation',
    f: {
      status: 404,
      path: '/communications/calls/c-1/operations/op-3',
      body: body('itemNotFound', 'not found'),
    },
    code: 'graph_not_found',
    says: [/Operation op-3 of call c-1/],
  },
  {
    name: '404 elsewhere',
    f: {
      status: 404,
      path: '/users/nobody',
      body: body('Request_ResourceNotFound', "Resource 'nobody' does not exist"),
    },
    code: 'graph_not_found',
    says: [/\/users\/nobody/, /does not exist/],
  },
  {
    name: '400 with the field named',
    f: {
      status: 400,
      method: 'POST',
      path: '/communications/calls',
      body: body('BadRequest', "The property 'foo' does not exist on type 'microsoft.graph.call'."),
    },
    code: 'graph_bad_request',
    says: [/'foo'/],
  },
  {
    name: '401 invalid token',
    f: { status: 401, body: body('InvalidAuthenticationToken', 'Access token validation failure.') },
    code: 'graph_auth_failed',
    says: [/MicrosoftAppPassword/, /validation failure/],
  },
  {
    name: '429 after the retries',
    f: { status: 429, attempts: 4, body: body('TooManyRequests', 'Too many requests') },
    code: 'graph_throttled',
    says: [/4 attempts/],
  },
  {
    name: '504 on a POST that creates something',
    f: {
      status: 504,
      method: 'POST',
      path: '/communications/calls',
      idempotent: false,
      body: body('GatewayTimeout', 'timeout'),
    },
    code: 'graph_timeout',
    says: [/may or may not have taken effect/, /before repeating/],
  },
  {
    name: '504 on a GET, after the retries',
    f: { status: 504, attempts: 4, body: undefined },
    code: 'graph_unavailable',
    says: [/504 after 4 attempts/],
  },
  {
    name: '503 after the retries',
    f: { status: 503, attempts: 4, body: body('ServiceUnavailable', 'down') },
    code: 'graph_unavailable',
    says: [/Try again later/],
  },
  {
    name: "500 keeps Graph's code, message and request id",
    f: { status: 500, body: body('InternalServerError', 'Something broke.') },
    code: 'graph_error',
    says: [/Something broke/, /InternalServerError/, /request-id req-inner/],
  },
  {
    name: 'a non-JSON body',
    f: { status: 502, body: '<html>Bad gateway</html>' },
    code: 'graph_error',
    says: [/Bad gateway/, /502/],
  },
];

describe('mapGraphError', () => {
  for (const row of ROWS) {
    it(`${row.name} → ${row.code}`, () => {
      const err = mapGraphError(failure(row.f));
      assert.equal(err.code, row.code);
      for (const s of row.says) assert.match(err.message, s);
      assert.equal(err.status, row.f.status);
    });
  }

  it('carries Graph code, request-id (header first) and client-request-id', () => {
    const err = mapGraphError(
      failure({
        status: 403,
        body: body('7504', 'x'),
        requestId: 'req-header',
        clientRequestId: 'crid-1',
        path: '/communications/calls',
        method: 'POST',
      }),
    );
    assert.equal(err.graphCode, '7504');
    assert.equal(err.requestId, 'req-header');
    assert.equal(err.clientRequestId, 'crid-1');
    assert.match(err.message, /request-id req-header, client-request-id crid-1/);
    const inner = mapGraphError(failure({ status: 500, body: body('X', 'y') }));
    assert.equal(inner.requestId, 'req-inner');
  });

  it('reads error bodies tolerantly', () => {
    assert.deepEqual(readGraphError({ error: { code: 7504, message: 'm' } }), {
      code: '7504',
      message: 'm',
      requestId: undefined,
    });
    assert.deepEqual(readGraphError(undefined), {});
    assert.deepEqual(readGraphError({ value: [] }), {});
    assert.deepEqual(readGraphError('  plain text  '), { message: 'plain text' });
  });
});

describe('guidanceForCallingCode (for resultInfo codes in notifications too)', () => {
  it('names licensing, consent and tenant mismatch for 7504', () => {
    const g = guidanceForCallingCode(7504, TENANT);
    assert.equal(g?.code, 'graph_permission_missing');
    assert.match(g?.guidance ?? '', /license/);
    assert.match(g?.guidance ?? '', /consent/);
    assert.match(g?.guidance ?? '', /same tenant/);
  });
  it('treats 8522 as call gone and knows nothing of other codes', () => {
    assert.equal(guidanceForCallingCode(8522)?.code, 'graph_call_gone');
    assert.equal(guidanceForCallingCode(5001), undefined);
  });
});
