// The doctor's checks, in the order they run (later ones use what earlier ones learned). Each says
// which modes it runs in; in local mode the Teams-only ones are listed as not checked.
import type { DoctorCheck } from '../types';
import { accessPolicyCheck } from './access-policy';
import { configCheck } from './config';
import { entraTokenCheck } from './entra-token';
import { frontDeskCheck } from './frontdesk';
import { graphPermissionsCheck } from './graph-permissions';
import { localRunningCheck } from './local-running';
import { manifestCheck } from './manifest';
import { promptsCheck } from './prompts';
import { publicUrlCheck } from './public-url';

/** Every check, in order. */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  configCheck,
  entraTokenCheck,
  graphPermissionsCheck,
  accessPolicyCheck,
  publicUrlCheck,
  manifestCheck,
  promptsCheck,
  frontDeskCheck,
  localRunningCheck,
];
