// Staff authoring of local policies (draft → review → published → closed, with revisions): what
// the module and the other policy sub-features may use.
export { insertPublishedPolicy } from './commands.ts';
export { authoringRoutes } from './routes.ts';
