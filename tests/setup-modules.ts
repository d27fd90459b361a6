import { installAllModules } from '../server/composition.ts';

// Every test process installs the modules as every entry point of the app does (server/composition.ts).
installAllModules();
