/**
 * The ingest suite's measured phase in a process of its own, as compiled JavaScript: argv[2] is a
 * `PipelinePhaseInput` as JSON. Prints one JSON line per log message (`{"log": …}`) and, last, the
 * result (`{"result": …}`).
 */
import { loadTemplates } from './corpus-messages.js';
import { pipelinePhase, type PipelinePhaseInput } from './pipeline-phase.js';

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const input = JSON.parse(process.argv[2]!) as PipelinePhaseInput;
const result = await pipelinePhase(input, await loadTemplates(), (message) => say({ log: message }));
say({ result });
// Whatever a closed app left scheduled (a timer, a pool's idle client) must not hold the result back.
process.stdout.write('', () => process.exit(0));
