#!/usr/bin/python3
"""Converts three TF.js networks of @vladmandic/face-api 1.7.15 to ONNX.

The TF.js files only hold weights; the graphs are rebuilt here layer by layer after the
face-api sources, so each network's layer order, padding and pre-processing is written out
below. Every ONNX model takes raw RGB pixels (0-255, NCHW) and does the mean subtraction and
/255 scaling itself, so callers only copy pixels.

Usage: convert.py MODEL_DIR OUT_DIR
  MODEL_DIR is the `model/` folder of the npm tarball (npm pack @vladmandic/face-api@1.7.15).
Needs Debian's python3-onnx and python3-numpy.
"""
import json
import math
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
SOURCE = "@vladmandic/face-api 1.7.15 (MIT)"
FACE_MEAN_RGB = [122.782, 117.001, 104.298]
DETECTOR_MEAN_RGB = [117.001, 114.697, 97.404]


class Quantized:
    """A uint8 tensor of the manifest, kept quantised so the ONNX file stays as small as the original."""

    def __init__(self, data, scale, minimum):
        self.data = data
        self.scale = np.float32(scale)
        self.minimum = np.float32(minimum)

    @property
    def shape(self):
        return self.data.shape

    def transpose(self, *axes):
        return Quantized(np.ascontiguousarray(self.data.transpose(*axes)), self.scale, self.minimum)

    def reshape(self, *shape):
        return Quantized(self.data.reshape(*shape), self.scale, self.minimum)


def load_weights(model_dir, name):
    """Reads every tensor of a TF.js weights manifest; uint8 ones stay quantised (value = byte * scale + min)."""
    with open(os.path.join(model_dir, name + "-weights_manifest.json")) as f:
        manifest = json.load(f)
    weights = {}
    for group in manifest:
        data = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        offset = 0
        for entry in group["weights"]:
            count = int(np.prod(entry["shape"])) if entry["shape"] else 1
            quantization = entry.get("quantization")
            if quantization:
                if quantization["dtype"] != "uint8":
                    raise ValueError(f"{entry['name']}: unsupported quantisation {quantization['dtype']}")
                raw = np.frombuffer(data, np.uint8, count, offset).reshape(entry["shape"])
                offset += count
                weights[entry["name"]] = Quantized(raw, quantization["scale"], quantization["min"])
            else:
                weights[entry["name"]] = np.frombuffer(data, np.float32, count, offset).reshape(entry["shape"])
                offset += 4 * count
        if offset != len(data):
            raise ValueError(f"{name}: {len(data) - offset} bytes left over")
    return weights


def same_pads(size, kernel, stride):
    """TensorFlow 'SAME' padding: the odd pixel goes after, which ONNX auto_pad cannot express for every case."""
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2, out


class GraphBuilder:
    """Collects nodes and initializers in NCHW while tracking the spatial size, needed for TF-style padding."""

    def __init__(self, weights, size):
        self.weights = weights
        self.used = set()
        self.nodes = []
        self.initializers = []
        self.counter = 0
        self.size = size

    def name(self, prefix):
        self.counter += 1
        return f"{prefix}_{self.counter}"

    def constant(self, array, prefix="const"):
        name = self.name(prefix)
        if isinstance(array, Quantized):
            # Dequantised by three nodes that ONNX Runtime folds into one float tensor when it loads the model.
            self.initializers.append(numpy_helper.from_array(array.data, name))
            scaled = self.op("Mul", [self.op("Cast", [name], to=TensorProto.FLOAT), self.scalar(array.scale)])
            return self.op("Add", [scaled, self.scalar(array.minimum)])
        self.initializers.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def scalar(self, value):
        name = self.name("scalar")
        self.initializers.append(numpy_helper.from_array(np.array(value, np.float32), name))
        return name

    def weight(self, key):
        self.used.add(key)
        return self.weights[key]

    def op(self, op_type, inputs, **attributes):
        output = self.name(op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [output], **attributes))
        return output

    def preprocess(self, x, mean_rgb):
        mean = self.constant(np.array(mean_rgb, np.float32).reshape(1, 3, 1, 1), "mean_rgb")
        return self.op("Div", [self.op("Sub", [x, mean]), self.constant(np.array(255, np.float32))])

    def conv(self, x, filters_hwio, bias, stride=1, pads=(0, 0, 0, 0), group=1):
        w = self.constant(filters_hwio.transpose(3, 2, 0, 1), "w")
        inputs = [x, w] + ([self.constant(bias, "b")] if bias is not None else [])
        kernel = filters_hwio.shape[0]
        top, left, bottom, right = pads
        self.size = (self.size + top + bottom - kernel) // stride + 1
        return self.op("Conv", inputs, kernel_shape=[kernel, kernel], strides=[stride, stride],
                       pads=[top, left, bottom, right], group=group)

    def conv_same(self, x, filters_hwio, bias, stride=1):
        before, after, _ = same_pads(self.size, filters_hwio.shape[0], stride)
        return self.conv(x, filters_hwio, bias, stride, (before, before, after, after))

    def separable(self, x, prefix, stride=1, pads=None):
        """TF.js separableConv2d: depthwise 3x3 without bias, pointwise 1x1, then the bias."""
        depthwise = self.weight(f"{prefix}/depthwise_filter")
        channels = depthwise.shape[2]
        if pads is None:
            before, after, _ = same_pads(self.size, 3, stride)
            pads = (before, before, after, after)
        # [3,3,C,1] -> HWIO with I=1, O=C, so the generic transpose yields ONNX's [C,1,3,3].
        out = self.conv(x, depthwise.transpose(0, 1, 3, 2), None, stride, pads, group=channels)
        return self.conv(out, self.weight(f"{prefix}/pointwise_filter"), self.weight(f"{prefix}/bias"))

    def max_pool(self, x, kernel, stride, same):
        if same:
            before, after, _ = same_pads(self.size, kernel, stride)
        else:
            before, after = 0, 0
        self.size = (self.size + before + after - kernel) // stride + 1
        return self.op("MaxPool", [x], kernel_shape=[kernel, kernel], strides=[stride, stride],
                       pads=[before, before, after, after])

    def avg_pool(self, x, kernel, stride):
        self.size = (self.size - kernel) // stride + 1
        return self.op("AveragePool", [x], kernel_shape=[kernel, kernel], strides=[stride, stride])

    def output(self, x, name):
        self.nodes.append(helper.make_node("Identity", [x], [name]))

    def pad(self, x, pads):
        return self.op("Pad", [x, self.constant(np.array(pads, np.int64), "pads")])

    def model(self, input_name, input_size, output, output_shape, graph_name, doc):
        unused = set(self.weights) - self.used
        if unused:
            raise ValueError(f"{graph_name}: weights not used by the rebuilt graph: {sorted(unused)}")
        graph = helper.make_graph(
            self.nodes, graph_name,
            [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, [1, 3, input_size, input_size])],
            [helper.make_tensor_value_info(output, TensorProto.FLOAT, output_shape)],
            self.initializers)
        model = helper.make_model(graph, producer_name="supervision tools/face-models/convert.py",
                                  opset_imports=[helper.make_opsetid("", OPSET)], doc_string=doc)
        model.ir_version = 8
        onnx.checker.check_model(model)
        return model


def tiny_face_detector(weights):
    """TinyYolov2 with separable convs: 416 input, 13x13 grid, 5 anchors x (x, y, w, h, score)."""
    size = 416
    b = GraphBuilder(weights, size)
    x = b.preprocess("image", DETECTOR_MEAN_RGB)
    x = b.op("LeakyRelu", [b.conv(x, b.weight("conv0/filters"), b.weight("conv0/bias"))], alpha=0.1)
    for layer in range(1, 6):
        x = b.max_pool(x, 2, 2, same=True)
        x = b.op("LeakyRelu", [b.separable(x, f"conv{layer}", pads=(1, 1, 1, 1))], alpha=0.1)
    x = b.max_pool(x, 2, 1, same=True)
    x = b.conv(x, b.weight("conv8/filters"), b.weight("conv8/bias"))
    b.output(x, "grid")
    return b.model("image", size, "grid", [1, 25, b.size, b.size], "tiny_face_detector",
                   f"Tiny face detector from {SOURCE}. Input raw RGB 0-255; output channel = anchor*5 + (x, y, w, h, score).")


def dense_block(b, x, prefix, first):
    if first:
        out1 = b.op("Relu", [b.conv_same(x, b.weight(f"{prefix}/conv0/filters"), b.weight(f"{prefix}/conv0/bias"), 2)])
    else:
        out1 = b.op("Relu", [b.separable(x, f"{prefix}/conv0", stride=2)])
    out2 = b.separable(out1, f"{prefix}/conv1")
    in3 = b.op("Relu", [b.op("Add", [out1, out2])])
    out3 = b.separable(in3, f"{prefix}/conv2")
    in4 = b.op("Relu", [b.op("Add", [out1, b.op("Add", [out2, out3])])])
    out4 = b.separable(in4, f"{prefix}/conv3")
    return b.op("Relu", [b.op("Add", [out1, b.op("Add", [out2, b.op("Add", [out3, out4])])])])


def face_landmark_68(weights):
    """Four dense blocks 112 -> 7, 7x7 average pool, fully connected to 68 (x, y) pairs relative to the input."""
    size = 112
    b = GraphBuilder(weights, size)
    x = b.preprocess("image", FACE_MEAN_RGB)
    for index in range(4):
        x = dense_block(b, x, f"dense{index}", index == 0)
    x = b.avg_pool(x, 7, 2)
    x = b.op("Flatten", [x])
    x = b.op("Gemm", [x, b.constant(b.weight("fc/weights"), "fc_w"), b.constant(b.weight("fc/bias"), "fc_b")])
    b.output(x, "landmarks")
    return b.model("image", size, "landmarks", [1, 136], "face_landmark_68",
                   f"68-point face landmarks from {SOURCE}. Input raw RGB 0-255; output x0, y0, x1, y1 ... in 0-1 of the input.")


def scaled_conv(b, x, prefix, stride, relu, same):
    filters = b.weight(f"{prefix}/conv/filters")
    bias = b.weight(f"{prefix}/conv/bias")
    x = b.conv_same(x, filters, bias, stride) if same else b.conv(x, filters, bias, stride)
    x = b.op("Add", [b.op("Mul", [x, b.constant(b.weight(f"{prefix}/scale/weights").reshape(1, -1, 1, 1), "scale_w")]),
                     b.constant(b.weight(f"{prefix}/scale/biases").reshape(1, -1, 1, 1), "scale_b")])
    return b.op("Relu", [x]) if relu else x


def residual(b, x, prefix):
    out = scaled_conv(b, x, f"{prefix}/conv1", 1, True, True)
    out = scaled_conv(b, out, f"{prefix}/conv2", 1, False, True)
    return b.op("Relu", [b.op("Add", [out, x])])


def residual_down(b, x, prefix, channels_in):
    size_in = b.size
    out = scaled_conv(b, x, f"{prefix}/conv1", 2, True, False)
    out = scaled_conv(b, out, f"{prefix}/conv2", 1, False, True)
    pooled_size = (size_in - 2) // 2 + 1
    if b.size != pooled_size:
        # face-api appends one row and one column of zeros when the strided conv came out a pixel smaller.
        out = b.pad(out, [0, 0, 0, 0, 0, 0, pooled_size - b.size, pooled_size - b.size])
        b.size = pooled_size
    pooled = b.op("AveragePool", [x], kernel_shape=[2, 2], strides=[2, 2])
    channels_out = b.weights[f"{prefix}/conv2/conv/filters"].shape[3]
    if channels_out != channels_in:
        pooled = b.pad(pooled, [0, 0, 0, 0, 0, channels_out - channels_in, 0, 0])
    return b.op("Relu", [b.op("Add", [pooled, out])])


def face_recognition(weights):
    """dlib's ResNet-34-like face descriptor: 150x150 chip in, 128-d descriptor out."""
    size = 150
    b = GraphBuilder(weights, size)
    x = b.preprocess("image", FACE_MEAN_RGB)
    x = scaled_conv(b, x, "conv32_down", 2, True, False)
    x = b.max_pool(x, 3, 2, same=False)
    for layer in ("conv32_1", "conv32_2", "conv32_3"):
        x = residual(b, x, layer)
    x = residual_down(b, x, "conv64_down", 32)
    for layer in ("conv64_1", "conv64_2", "conv64_3"):
        x = residual(b, x, layer)
    x = residual_down(b, x, "conv128_down", 64)
    for layer in ("conv128_1", "conv128_2"):
        x = residual(b, x, layer)
    x = residual_down(b, x, "conv256_down", 128)
    for layer in ("conv256_1", "conv256_2"):
        x = residual(b, x, layer)
    x = residual_down(b, x, "conv256_down_out", 256)
    x = b.op("Flatten", [b.op("GlobalAveragePool", [x])])
    x = b.op("MatMul", [x, b.constant(b.weight("fc"), "fc")])
    b.output(x, "descriptor")
    return b.model("image", size, "descriptor", [1, 128], "face_recognition",
                   f"Face descriptor (dlib ResNet port) from {SOURCE}. Input raw RGB 0-255 aligned 150x150 chip; output 128-d.")


NETWORKS = {
    "tiny_face_detector_model": ("tiny_face_detector.onnx", tiny_face_detector),
    "face_landmark_68_model": ("face_landmark_68.onnx", face_landmark_68),
    "face_recognition_model": ("face_recognition.onnx", face_recognition),
}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    model_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for source, (target, build) in NETWORKS.items():
        model = build(load_weights(model_dir, source))
        path = os.path.join(out_dir, target)
        onnx.save(model, path)
        print(f"{source} -> {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
