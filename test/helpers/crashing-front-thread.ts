// The real front thread, made to throw from its request listener on GET /crash: an uncaught exception
// that ends the thread, as a bug in it would. For the restart test in test/edge/server/front-restart.test.ts.
import { server } from '../../server/http/front-thread';

server.prependListener('request', (req) => {
  if (req.url === '/crash') throw new Error('the front thread crashes on purpose');
});
