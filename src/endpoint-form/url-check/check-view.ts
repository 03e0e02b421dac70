// What the URL check says and asks: loaded on the first press of Check URL.
export { CheckReport } from './check-report';
export { SaveAnywayDialog } from './save-anyway-dialog';
