// Check 1: the configuration reads (the same readConfig the app runs) and describes a Teams setup.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, readConfig } from '../../../server';
import type { DoctorCheck } from '../types';

const WHERE = 'in .env (or env/.env.<SWITCHBOARD_ENV>, or the environment)';

export const configCheck: DoctorCheck = {
  id: 'config',
  title: 'Configuration',
  async run(ctx) {
    let config;
    try {
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
    if (config.SWITCHBOARD_MODE !== 'teams')
      return {
        status: 'fail',
        summary: `SWITCHBOARD_MODE is "${config.SWITCHBOARD_MODE}": local mode runs against the emulator, there is no Teams setup to check`,
        fix: `Set SWITCHBOARD_MODE=teams ${WHERE} (or leave it unset: teams is the default).`,
      };
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
