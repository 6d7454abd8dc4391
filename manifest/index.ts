// The Teams app package: template, icons, build, validation, zip; and the setup doctor.
export {
  buildAppPackage,
  writeAppPackage,
  type BuildOptions,
  type BuiltPackage,
  type TeamsManifest,
} from './build';
export { botCommandDescriptions } from './bot-commands';
export { checkManifestRules } from './checks';
export {
  buildCommandLists,
  describeCommands,
  type BotScope,
  type CatalogEntry,
  type CommandDescription,
  type CommandList,
} from './commands';
export { checkColorIcon, checkOutlineIcon } from './icons/check';
export {
  ACCENT_COLOR,
  COLOR_ICON_SIZE,
  OUTLINE_ICON_SIZE,
  drawColorIcon,
  drawOutlineIcon,
} from './icons/draw';
export { substitute, type Substituted } from './placeholders';
export { PngError, decodePng, encodePng, type PngImage } from './icons/png';
export { ManifestError, formatProblems, type Problem } from './problems';
export { MANIFEST_VERSION, SCHEMA_URL, commandLimits, loadSchema, validateAgainstSchema } from './schema';
export { manifestVariables } from './variables';
export { readZip } from './zip/read';
export { writeZip, type ZipEntry } from './zip/write';
export { DOCTOR_CHECKS } from './doctor/checks';
export { accessPolicyCheck, DOCTOR_MEETING_ID } from './doctor/checks/access-policy';
export { configCheck } from './doctor/checks/config';
export { entraTokenCheck } from './doctor/checks/entra-token';
export { frontDeskCheck } from './doctor/checks/frontdesk';
export { localRunningCheck } from './doctor/checks/local-running';
export { graphPermissionsCheck } from './doctor/checks/graph-permissions';
export { manifestCheck } from './doctor/checks/manifest';
export { promptsCheck } from './doctor/checks/prompts';
export { publicUrlCheck } from './doctor/checks/public-url';
export { REQUIRED_GRAPH_ROLES, missingRoles } from './doctor/graph-roles';
export { createHttpClient, type HttpAnswer, type HttpClient, type HttpRequest } from './doctor/http';
export { doctorMain } from './doctor/main';
export { runDoctor, type DoctorOutput, type DoctorResult } from './doctor/run';
export type { DoctorCheck, DoctorContext, DoctorMode, Finding, Status } from './doctor/types';
