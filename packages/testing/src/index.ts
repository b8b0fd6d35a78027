export { DOCX_MIME, makeDocx } from './office-files';
export { waitFor } from './wait-for';
