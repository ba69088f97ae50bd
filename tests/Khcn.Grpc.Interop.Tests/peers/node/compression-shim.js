'use strict';
// grpc-js servers decompress requests but never compress responses, and they
// hide each request's compressed flag from handlers. The interop cases need
// both, so this server interceptor reaches into the call object of the pinned
// grpc-js version (package-lock.json) and:
//   * records the compressed flag of every incoming message, so handlers can
//     read it with wasCompressed(request);
//   * gzips outgoing messages marked with markCompressed(response), setting the
//     message's compressed flag, after announcing grpc-encoding: gzip.
// grpc-js strips grpc-accept-encoding before interceptors see the metadata, so
// the shim cannot check it: it assumes gzip, which every gRPC client accepts
// (our client and grpc C-core advertise it). Messages not marked go out with
// the compressed flag cleared, which is valid under any grpc-encoding.
// The HTTP/2 transport, framing, metadata and status handling stay grpc-js's own.
const zlib = require('zlib');
const grpc = require('@grpc/grpc-js');

const compressedFlag = Symbol('khcn.compressedFlag');
const compressRequested = Symbol('khcn.compressRequested');

function wasCompressed(message) {
  return message[compressedFlag] === true;
}

function markCompressed(message) {
  Object.defineProperty(message, compressRequested, { value: true, enumerable: false });
  return message;
}

function frame(flag, body) {
  const framed = Buffer.allocUnsafe(body.length + 5);
  framed.writeUInt8(flag, 0);
  framed.writeUInt32BE(body.length, 1);
  body.copy(framed, 5);
  return framed;
}

function compressionInterceptor(methodDescriptor, call) {
  // `call` is grpc-js's BaseServerInterceptingCall when this is the only interceptor.
  if (typeof call.decompressMessage !== 'function' || typeof call.serializeMessage !== 'function') {
    throw new Error('compression shim does not match this @grpc/grpc-js version; use the version pinned in package-lock.json');
  }
  const incomingFlags = [];
  const originalDecompress = call.decompressMessage.bind(call);
  call.decompressMessage = (framedMessage, encoding) => {
    incomingFlags.push(framedMessage.readUInt8(0) === 1);
    return originalDecompress(framedMessage, encoding);
  };

  const originalSerialize = call.serializeMessage.bind(call);
  call.serializeMessage = value => {
    if (!value || value[compressRequested] !== true) {
      return originalSerialize(value);
    }
    const body = call.handler.serialize(value);
    return frame(1, zlib.gzipSync(body));
  };

  return new grpc.ServerInterceptingCall(call, {
    start: next => next({
      onReceiveMetadata: (metadata, nextMetadata) => nextMetadata(metadata),
      onReceiveMessage: (message, nextMessage) => {
        if (message && typeof message === 'object') {
          Object.defineProperty(message, compressedFlag, { value: incomingFlags.shift() === true, enumerable: false });
        }
        nextMessage(message);
      },
      onReceiveHalfClose: nextHalfClose => nextHalfClose(),
      onCancel: () => {},
    }),
    sendMetadata: (metadata, nextMetadata) => {
      metadata.set('grpc-encoding', 'gzip');
      nextMetadata(metadata);
    },
  });
}

module.exports = { compressionInterceptor, wasCompressed, markCompressed };
