// The Pulumi engine's side of a provider call, made with grpc-go as the engine makes it: an
// insecure HTTP/2 connection to the plugin's port and answers of up to 400 MB. It reads one call
// per line on stdin, {"method": "/pulumirpc.ResourceProvider/Check", "request": "<base64>"}, and
// writes one line per answer, {"code": 0, "message": "", "details": "<base64 google.rpc.Status>",
// "response": "<base64>"}, in order. The messages are encoded and read by the test.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"

	"github.com/golang/protobuf/proto"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
)

// The request and answer as bytes: the test's own protobuf messages, already encoded.
type bytesCodec struct{}

func (bytesCodec) Marshal(v interface{}) ([]byte, error) { return *(v.(*[]byte)), nil }
func (bytesCodec) Unmarshal(data []byte, v interface{}) error {
	*(v.(*[]byte)) = append([]byte(nil), data...)
	return nil
}
func (bytesCodec) Name() string { return "proto" }

type call struct {
	Method  string `json:"method"`
	Request []byte `json:"request"`
}

type answer struct {
	Code     uint32 `json:"code"`
	Message  string `json:"message"`
	Details  []byte `json:"details,omitempty"`
	Response []byte `json:"response,omitempty"`
}

func main() {
	conn, err := grpc.Dial(os.Args[1], grpc.WithInsecure(), grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(400*1024*1024), grpc.MaxCallSendMsgSize(400*1024*1024)))
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var c call
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			panic(err)
		}
		var response []byte
		err := conn.Invoke(context.Background(), c.Method, &c.Request, &response, grpc.ForceCodec(bytesCodec{}))
		a := answer{Response: response}
		if err != nil {
			st := status.Convert(err)
			a.Code, a.Message = uint32(st.Code()), st.Message()
			if len(st.Proto().GetDetails()) > 0 {
				a.Details, _ = proto.Marshal(st.Proto())
			}
		}
		if err := out.Encode(a); err != nil {
			panic(err)
		}
	}
	if err := in.Err(); err != nil {
		panic(err)
	}
}
