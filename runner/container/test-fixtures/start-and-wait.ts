/**
 * Test fixture: start a SUT container, print its id, then wait to be signalled. The test
 * sends SIGTERM and checks the container is gone once this process has exited.
 *   npx tsx runner/container/test-fixtures/start-and-wait.ts <image>
 */
import { startSutContainer } from '../sut-container.ts';

const sut = await startSutContainer({ image: process.argv[2]!, port: 8080, healthPath: '/conformance/health', startupTimeoutMs: 30_000, harnessPort: 9 });
process.stdout.write(`started ${sut.containerId}\n`);
setInterval(() => undefined, 60_000);
