"""python3-grpcio peer for bench/run.sh: the Echo work on grpc.aio (grpcio's fastest server API).

Usage: /usr/bin/python3 echo_server.py DESCRIPTOR_SET [PORT]
Prints "LISTENING http://127.0.0.1:<port>" once serving (port 0 = a free port).
"""
import asyncio
import sys

import grpc

from echo_messages import ECHO_METHOD, ECHO_SERVICE, load_messages


async def serve(descriptor_set_path, port):
    echo_request, echo_response = load_messages(descriptor_set_path)

    async def echo(request, context):
        return echo_response(payload=request.payload)

    handler = grpc.method_handlers_generic_handler(
        ECHO_SERVICE,
        {
            ECHO_METHOD: grpc.unary_unary_rpc_method_handler(
                echo,
                request_deserializer=echo_request.FromString,
                response_serializer=echo_response.SerializeToString,
            )
        },
    )
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((handler,))
    bound_port = server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    print(f"LISTENING http://127.0.0.1:{bound_port}", flush=True)
    await server.wait_for_termination()


if __name__ == "__main__":
    asyncio.run(serve(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
