'use strict';
// @grpc/grpc-js peer for bench/run.sh: the same work as every other server under test
// (parse EchoRequest, answer EchoResponse with the same payload). Binds a free loopback
// port and prints "LISTENING http://127.0.0.1:<port>" for the script to read.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const protoRoot = path.resolve(__dirname, '../../protos');
const definition = protoLoader.loadSync('khcn/bench/v1/echo.proto', {
  includeDirs: [protoRoot],
  keepCase: true,
});
const echoService = grpc.loadPackageDefinition(definition).khcn.bench.v1.EchoService;

const port = Number(process.argv[2] ?? 0);
const server = new grpc.Server();
server.addService(echoService.service, {
  Echo(call, callback) {
    callback(null, { payload: call.request.payload });
  },
});

server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, boundPort) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  console.log(`LISTENING http://127.0.0.1:${boundPort}`);
});

// The benchmark is over when we are signalled: no graceful drain to wait for.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.forceShutdown();
    process.exit(0);
  });
}
