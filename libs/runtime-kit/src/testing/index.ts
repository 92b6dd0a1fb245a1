export { emfViolations } from './emf-violations.js';
