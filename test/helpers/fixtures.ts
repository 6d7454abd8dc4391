// Where the repository's own fixtures live (tests and benchmarks read nothing outside the checkout).
import path from 'node:path';

/** Graph notification bodies in the documented shapes (see the README there). */
export const NOTIFICATIONS = path.resolve(__dirname, '..', 'fixtures', 'graph', 'notifications');
