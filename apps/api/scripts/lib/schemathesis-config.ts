// The schemathesis configuration file of one `st run`, generated from the contracts: which
// statuses each operation may answer a schema-valid request with (`positive_data_acceptance`),
// the real ids its path parameters take, and real values drawn for some body fields.
//
// schemathesis 4.32.5 reads `[[operations]]` entries selected by `include-operation-id`, each with
// `parameters` (a fixed value, or `{ dictionary, probability }` drawing from `[dictionaries.*]`),
// and `checks.<check>.expected-statuses` (schemathesis/config/_operations.py, _checks.py,
// _parameters.py). Fixed parameters win over everything, links included (the stateful executor
// applies them to every step), so a run with the stateful phase leaves path ids to the links.
import { type ErrorCode, type Operation, errorStatus } from '@gongzhi/contracts';

/**
 * Codes that refuse a request's form rather than its meaning: a request the document calls valid
 * never earns them, so `positive_data_acceptance` does not accept them — a 400 for schema-valid
 * input means the document says less than validation enforces. An operation that names one of
 * them among its own `errors` (an upload refused for its bytes: 415) means a business refusal.
 */
const FORM_CODES: ReadonlySet<ErrorCode> = new Set([
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'internal',
]);

/**
 * The statuses a schema-valid request to `operation` may be answered with: success, and the
 * statuses of the business and access refusals it declares (unknown ids, state, permissions,
 * rate limits, the workflow engine's answers), from `errorCodes` through `errorStatus`.
 */
export function acceptedStatuses(operation: Operation): string[] {
  const ownErrors = new Set<ErrorCode>(operation.errors ?? []);
  const refusals = new Set<number>();
  for (const code of operation.errorCodes)
    if (!FORM_CODES.has(code) || ownErrors.has(code)) refusals.add(errorStatus[code]);
  return ['2xx', ...[...refusals].sort((a, b) => a - b).map(String)];
}

/** schemathesis 4.32.5's `negative_data_rejection` default (config/_checks.py). */
const SCHEMATHESIS_REJECTION_STATUSES = ['400', '401', '403', '404', '405', '406', '409', '415', '422', '428', '429', '5xx'];

/**
 * The statuses a schema-violating request to `operation` may be refused with: schemathesis's
 * default, and 413 where the operation takes a body: a body past the size limit is refused for its
 * size before it is read, which is a refusal all the same (an array past its maxItems of long
 * strings is more than a megabyte). A 5xx still fails the run through `not_a_server_error`.
 */
export function rejectedStatuses(operation: Operation): string[] {
  return operation.errorCodes.includes('payload_too_large')
    ? [...SCHEMATHESIS_REJECTION_STATUSES, String(errorStatus.payload_too_large)]
    : SCHEMATHESIS_REJECTION_STATUSES;
}

export type ParameterValue = string | number;

/** Values schemathesis draws for a parameter or body field instead of generating one, with a probability. */
export interface Dictionary {
  values: readonly ParameterValue[];
  /** 0–1: how often a drawn value replaces the generated one. */
  probability: number;
}

export interface OperationSettings {
  /** Fixed values, `path.id` → the id: every request to the operation carries them. */
  fixed?: Readonly<Record<string, ParameterValue>>;
  /** Drawn values, `body.team.pm`, `body.team.lawyers[*]` → a dictionary. */
  drawn?: Readonly<Record<string, Dictionary>>;
  /** Leave the operation out of the coverage phase (the other phases still run it). */
  skipCoverage?: boolean;
}

export interface RunConfig {
  operations: readonly Operation[];
  /**
   * The caller's credentials, for the document's security scheme of that name (`bearer`: a personal
   * API token, `session`: a session cookie). Declared as auth rather than as a header, schemathesis
   * leaves the other scheme alone instead of sending made-up credentials for it, which the API
   * would refuse.
   */
  auth: { bearer: string } | { session: string };
  /** Sent with every request (a session's CSRF token). */
  headers?: Readonly<Record<string, string>>;
  /** By operation id. */
  settings?: Readonly<Record<string, OperationSettings>>;
  /** Infer links beyond those the document declares (schemathesis does by default); off here. */
  inferLinks?: boolean;
}

type TomlValue = ParameterValue | boolean | readonly TomlValue[] | { readonly [key: string]: TomlValue };

/** A TOML value (inline tables for objects); JSON strings are valid TOML basic strings. */
function toml(value: TomlValue): string {
  if (Array.isArray(value)) return `[${value.map(toml).join(', ')}]`;
  if (typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)} = ${toml(item as TomlValue)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a TOML number: ${value}`);
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The configuration file's text. */
export function schemathesisConfig(run: RunConfig): string {
  const lines: string[] = [
    // Event streams never end by themselves: schemathesis reads the opening event, then hangs up.
    'max-stream-events = 1',
    ...(run.headers ? [`headers = ${toml(run.headers)}`] : []),
    '',
    ...('bearer' in run.auth
      ? ['[auth.openapi.bearer]', `bearer = ${toml(run.auth.bearer)}`]
      : ['[auth.openapi.session]', `api_key = ${toml(run.auth.session)}`]),
    '',
  ];
  if (run.inferLinks === false) lines.push('[phases.stateful.inference]', 'algorithms = []', '');

  const dictionaries: string[] = [];
  let dictionaryCount = 0;
  const operations: string[] = [];
  for (const operation of run.operations) {
    const settings = run.settings?.[operation.id] ?? {};
    const parameters: Record<string, TomlValue> = { ...settings.fixed };
    for (const [key, dictionary] of Object.entries(settings.drawn ?? {})) {
      if (dictionary.values.length === 0) continue;
      const name = `d${dictionaryCount++}`;
      dictionaries.push(`[dictionaries.${name}]`, `values = ${toml(dictionary.values)}`, '');
      parameters[key] = { dictionary: name, probability: dictionary.probability };
    }
    operations.push('[[operations]]', `include-operation-id = ${toml(operation.id)}`);
    if (Object.keys(parameters).length > 0) operations.push(`parameters = ${toml(parameters)}`);
    if (settings.skipCoverage) operations.push('phases.coverage.enabled = false');
    operations.push(`checks.positive_data_acceptance.expected-statuses = ${toml(acceptedStatuses(operation))}`);
    operations.push(`checks.negative_data_rejection.expected-statuses = ${toml(rejectedStatuses(operation))}`, '');
  }
  return [...lines, ...dictionaries, ...operations].join('\n');
}
