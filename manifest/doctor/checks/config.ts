// Check 1: the configuration reads (the same readConfig the app runs): a Teams setup, or what
// `npm start` runs in local mode (the emulator's port included).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, readConfig } from '../../../server';
import type { DoctorCheck, Finding } from '../types';

const WHERE = 'in .env (or env/.env.<SWITCHBOARD_ENV>, or the environment)';

export const configCheck: DoctorCheck = {
  id: 'config',
  title: 'Configuration',
  modes: ['teams', 'local'],
  async run(ctx): Promise<Finding> {
    let config;
    try {
      if (ctx.mode === 'local') {
        // npm start supplies the app id, secret, tenant and CA from the emulator it starts.
        const local = readConfig({ ...ctx.env, SWITCHBOARD_MODE: 'local' });
        ctx.config = local;
        return {
          status: 'ok',
          summary: `local mode: npm start runs the app at ${local.publicUrl} and the emulator on port ${local.EMULATOR_PORT}; no Microsoft tenant needed`,
        };
      }
      config = readConfig(ctx.env);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const key = typeof err.details?.key === 'string' ? err.details.key : 'the variable named';
      return {
        status: 'fail',
        summary: err.message,
        fix: `Set ${key} ${WHERE}; .env.example lists every variable.`,
      };
    }
    if (config.EXTRA_CA_FILE) {
      const file = path.resolve(ctx.cwd, config.EXTRA_CA_FILE);
      let pem = '';
      try {
        pem = readFileSync(file, 'utf8');
      } catch (err) {
        return {
          status: 'fail',
          summary: `EXTRA_CA_FILE ${file} cannot be read (${(err as Error).message})`,
          fix: 'Point EXTRA_CA_FILE at a PEM file of CA certificates, or unset it.',
        };
      }
      if (!pem.includes('-----BEGIN CERTIFICATE-----'))
        return {
          status: 'fail',
          summary: `EXTRA_CA_FILE ${file} holds no PEM certificate`,
          fix: 'EXTRA_CA_FILE must contain "-----BEGIN CERTIFICATE-----" blocks.',
        };
    }
    ctx.config = config;
    return {
      status: 'ok',
      summary: `teams mode; app ${config.MicrosoftAppId}; tenant ${config.MicrosoftAppTenantId}; PUBLIC_URL ${config.publicUrl}`,
    };
  },
};
