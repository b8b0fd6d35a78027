// Unit tests of scripts/lib/schemathesis-config.ts (here because vitest includes src/ only).
import { describe, expect, it } from 'vitest';
import { operationList, operations } from '@gongzhi/contracts';
import { acceptedStatuses, rejectedStatuses, schemathesisConfig } from '../scripts/lib/schemathesis-config';

describe('the statuses a schema-valid request may meet', () => {
  it('are success and the refusals the contract declares, never a validation failure or a server error', () => {
    // Unknown ids, state, permissions, rate limits and the workflow engine's answers.
    expect(acceptedStatuses(operations.completeTask)).toEqual(['2xx', '401', '403', '404', '409', '422', '429', '503']);
    expect(acceptedStatuses(operations.getEngagement)).toEqual(['2xx', '401', '403', '404', '429']);
    expect(acceptedStatuses(operations.getHealth)).toEqual(['2xx', '429']);
    expect(acceptedStatuses(operations.login)).toEqual(['2xx', '401', '403', '429']);
    for (const operation of operationList) {
      expect(acceptedStatuses(operation), operation.id).not.toContain('400');
      expect(
        acceptedStatuses(operation).some((status) => status.startsWith('5') && status !== '503'),
        operation.id,
      ).toBe(false);
    }
  });

  it('include 413 and 415 only where the operation names them itself (an upload refused for its bytes)', () => {
    expect(acceptedStatuses(operations.uploadDeliverableFile)).toEqual(expect.arrayContaining(['413', '415']));
    expect(acceptedStatuses(operations.createEngagement)).not.toContain('415');
    expect(acceptedStatuses(operations.createEngagement)).not.toContain('413');
  });
});

describe('the statuses a schema-violating request may meet', () => {
  it('are the refusals of form, and 413 where a body can be too large to read', () => {
    expect(rejectedStatuses(operations.createKnowledgeEntry)).toEqual(expect.arrayContaining(['400', '413', '422']));
    expect(rejectedStatuses(operations.getEngagement)).not.toContain('413');
    for (const operation of operationList) expect(rejectedStatuses(operation), operation.id).not.toContain('2xx');
  });
});

describe('the configuration file', () => {
  it('has the credentials as auth for their security scheme, and an entry per operation with its statuses, fixed ids and drawn values', () => {
    const text = schemathesisConfig({
      operations: [operations.getEngagement, operations.createEngagement, operations.logout],
      auth: { session: 'session-token' },
      headers: { 'x-csrf-token': 'csrf' },
      settings: {
        getEngagement: { fixed: { 'path.id': '2f1d3c1e-0000-4000-8000-000000000001' } },
        createEngagement: {
          drawn: {
            'body.team.lawyers[*]': { values: ['a', 'b'], probability: 0.9 },
            'body.templateVersion': { values: [1], probability: 0.5 },
          },
        },
        logout: { skipCoverage: true },
      },
      inferLinks: false,
    });
    expect(text).toMatch(
      /^max-stream-events = 1\nheaders = \{ "x-csrf-token" = "csrf" \}\n\n\[auth\.openapi\.session\]\napi_key = "session-token"\n/,
    );
    expect(schemathesisConfig({ operations: [], auth: { bearer: 'gzt_secret' } })).toContain(
      '[auth.openapi.bearer]\nbearer = "gzt_secret"\n',
    );
    expect(text).toContain('[phases.stateful.inference]\nalgorithms = []\n');
    expect(text).toContain('[dictionaries.d0]\nvalues = ["a", "b"]\n\n[dictionaries.d1]\nvalues = [1]\n');
    expect(text).toContain(
      '[[operations]]\ninclude-operation-id = "getEngagement"\nparameters = { "path.id" = "2f1d3c1e-0000-4000-8000-000000000001" }\nchecks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "429"]\nchecks.negative_data_rejection.expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "415", "422", "428", "429", "5xx"]\n',
    );
    expect(text).toContain(
      'include-operation-id = "createEngagement"\nparameters = { "body.team.lawyers[*]" = { "dictionary" = "d0", "probability" = 0.9 }, "body.templateVersion" = { "dictionary" = "d1", "probability" = 0.5 } }\n',
    );
    expect(text).toContain('include-operation-id = "logout"\nphases.coverage.enabled = false\n');
  });
});
