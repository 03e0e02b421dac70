// Loaded before a server that a test starts (node --import): the server ends when the test worker
// that started it does, even when the worker is killed and cannot clean up. The worker holds the
// other end of this process's stdin; its death closes the pipe.
process.stdin.on('close', () => process.kill(process.pid, 'SIGKILL'));
process.stdin.on('end', () => process.kill(process.pid, 'SIGKILL'));
process.stdin.resume();
// The pipe must not keep a server alive that would otherwise exit by itself.
process.stdin.unref?.();
