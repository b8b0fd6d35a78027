import { z } from 'zod';
import catalogue from './data/violations.json';

/**
 * Beijing community violations → enforcement body → legal basis (shared/spec/domain). Items whose
 * sources are not confirmed carry `hasUnverified` and keep their inline [unverified] marks: the
 * product must show them as unverified until a lawyer checks the official text.
 */
export const violationSchema = z
  .object({
    id: z.number().int().positive(),
    problem: z.string().min(1),
    enforcer_beijing: z.string().min(1),
    legal_basis: z.string().min(1),
    source_keys: z.array(z.string()),
    has_unverified: z.boolean(),
  })
  .strict()
  .transform((item) => ({
    id: item.id,
    problem: item.problem,
    enforcer: item.enforcer_beijing,
    legalBasis: item.legal_basis,
    sourceKeys: item.source_keys,
    hasUnverified: item.has_unverified,
  }));
export type Violation = z.output<typeof violationSchema>;

export const violationCatalogue: { note: string; violations: Violation[] } = z
  .object({ note: z.string(), violations: z.array(violationSchema) })
  .strict()
  .parse(catalogue);
