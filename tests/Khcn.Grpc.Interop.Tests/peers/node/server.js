'use strict';
// grpc.testing.TestService on @grpc/grpc-js, the independent peer our C#
// client is checked against. Binds 127.0.0.1:0 (plaintext) and prints
// "LISTENING <port>" on stdout once it accepts calls; exits when stdin closes
// so it never outlives the test process that started it.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { compressionInterceptor, wasCompressed, markCompressed } = require('./compression-shim');

const protoPath = process.argv[2] || path.join(__dirname, '..', '..', 'Protos', 'grpc', 'testing', 'test.proto');

const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';

const packageDefinition = protoLoader.loadSync(protoPath, {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
});
const testing = grpc.loadPackageDefinition(packageDefinition).grpc.testing;

function payloadOfSize(size) {
  return { type: 'COMPRESSABLE', body: Buffer.alloc(size) };
}

function echoInitialMetadata(call) {
  const metadata = new grpc.Metadata();
  for (const value of call.metadata.get(ECHO_INITIAL_KEY)) {
    metadata.add(ECHO_INITIAL_KEY, value);
  }
  call.sendMetadata(metadata);
}

function echoTrailingMetadata(call) {
  const metadata = new grpc.Metadata();
  for (const value of call.metadata.get(ECHO_TRAILING_KEY)) {
    metadata.add(ECHO_TRAILING_KEY, value);
  }
  return metadata;
}

function statusError(code, details, trailers) {
  return { code, details, metadata: trailers };
}

// Returns an error when the request's compressed flag contradicts expect_compressed.
function compressionExpectationError(request, trailers) {
  if (!request.expect_compressed) {
    return null;
  }
  const expected = request.expect_compressed.value === true;
  if (expected === wasCompressed(request)) {
    return null;
  }
  return statusError(grpc.status.INVALID_ARGUMENT,
    `expected ${expected ? 'a compressed' : 'an uncompressed'} request message`, trailers);
}

function requestedStatusError(request, trailers) {
  const status = request.response_status;
  if (status && status.code !== 0) {
    return statusError(status.code, status.message, trailers);
  }
  return null;
}

function sleepMicroseconds(us) {
  return us > 0 ? new Promise(resolve => setTimeout(resolve, Math.ceil(us / 1000))) : Promise.resolve();
}

function streamingResponse(parameters) {
  const response = { payload: payloadOfSize(parameters.size) };
  return parameters.compressed && parameters.compressed.value ? markCompressed(response) : response;
}

const handlers = {
  EmptyCall(call, callback) {
    echoInitialMetadata(call);
    callback(null, {}, echoTrailingMetadata(call));
  },

  UnaryCall(call, callback) {
    echoInitialMetadata(call);
    const trailers = echoTrailingMetadata(call);
    const request = call.request;
    const error = compressionExpectationError(request, trailers) || requestedStatusError(request, trailers);
    if (error) {
      callback(error);
      return;
    }
    const response = { payload: payloadOfSize(request.response_size) };
    if (request.response_compressed && request.response_compressed.value) {
      markCompressed(response);
    }
    callback(null, response, trailers);
  },

  async StreamingOutputCall(call) {
    echoInitialMetadata(call);
    const trailers = echoTrailingMetadata(call);
    const request = call.request;
    const error = requestedStatusError(request, trailers);
    if (error) {
      call.emit('error', error);
      return;
    }
    for (const parameters of request.response_parameters) {
      await sleepMicroseconds(parameters.interval_us);
      if (call.cancelled) {
        return;
      }
      call.write(streamingResponse(parameters));
    }
    call.end(trailers);
  },

  StreamingInputCall(call, callback) {
    echoInitialMetadata(call);
    const trailers = echoTrailingMetadata(call);
    let aggregatedPayloadSize = 0;
    let failed = false;
    call.on('data', request => {
      if (failed) {
        return;
      }
      const error = compressionExpectationError(request, trailers);
      if (error) {
        failed = true;
        callback(error);
        return;
      }
      aggregatedPayloadSize += request.payload ? request.payload.body.length : 0;
    });
    call.on('end', () => {
      if (!failed) {
        callback(null, { aggregated_payload_size: aggregatedPayloadSize }, trailers);
      }
    });
    call.on('error', () => { /* cancelled by the client */ });
  },

  FullDuplexCall(call) {
    echoInitialMetadata(call);
    const trailers = echoTrailingMetadata(call);
    // Requests are answered strictly in order, each after the previous one.
    let chain = Promise.resolve();
    let finished = false;
    call.on('data', request => {
      chain = chain.then(async () => {
        if (finished || call.cancelled) {
          return;
        }
        const error = requestedStatusError(request, trailers);
        if (error) {
          finished = true;
          call.emit('error', error);
          return;
        }
        for (const parameters of request.response_parameters) {
          await sleepMicroseconds(parameters.interval_us);
          if (call.cancelled) {
            return;
          }
          call.write(streamingResponse(parameters));
        }
      });
    });
    call.on('end', () => {
      chain = chain.then(() => {
        if (!finished && !call.cancelled) {
          finished = true;
          call.end(trailers);
        }
      });
    });
    call.on('error', () => { /* cancelled by the client */ });
  },

  HalfDuplexCall(call) {
    echoInitialMetadata(call);
    const trailers = echoTrailingMetadata(call);
    const requests = [];
    call.on('data', request => requests.push(request));
    call.on('end', async () => {
      for (const request of requests) {
        for (const parameters of request.response_parameters) {
          await sleepMicroseconds(parameters.interval_us);
          call.write(streamingResponse(parameters));
        }
      }
      call.end(trailers);
    });
    call.on('error', () => { /* cancelled by the client */ });
  },
};

// UnimplementedCall is deliberately left out: grpc-js answers it with UNIMPLEMENTED.
const implemented = { ...testing.TestService.service };
delete implemented.UnimplementedCall;

const server = new grpc.Server({ interceptors: [compressionInterceptor] });
server.addService(implemented, handlers);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    process.stderr.write(`bind failed: ${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`LISTENING ${port}\n`);
});

function shutdown() {
  server.forceShutdown();
  process.exit(0);
}
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
