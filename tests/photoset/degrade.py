"""What a handheld phone does to a picture: placement, tilt, blur, glare, dark, framing.

``place`` puts a rendered object (RGBA) into a real photo with a perspective tilt and a
soft contact shadow; the other functions are camera effects applied to the whole
frame, in the order a case lists them. All are deterministic: randomness only comes
from the ``seed`` a caller passes.
"""
from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageOps

PHONE = (1024, 768)       # landscape frame; portrait cases use (768, 1024)


def backdrop(photo: Image.Image, size=PHONE, *, zoom: float = 1.0,
             centre=(0.5, 0.5), blur: float = 0.0) -> Image.Image:
    """A real photo cut to the frame: ``zoom`` > 1 crops into it around ``centre``."""
    w, h = photo.size
    cw, ch = w / zoom, h / zoom
    cx, cy = centre[0] * w, centre[1] * h
    left = min(max(cx - cw / 2, 0), w - cw)
    top = min(max(cy - ch / 2, 0), h - ch)
    region = photo.crop((int(left), int(top), int(left + cw), int(top + ch)))
    out = ImageOps.fit(region, size, Image.Resampling.LANCZOS)
    return defocus(out, blur) if blur else out


def place(background: Image.Image, item: Image.Image, *, centre=(0.5, 0.5),
          height: float = 0.7, roll: float = 0.0, tilt_x: float = 0.0, tilt_y: float = 0.0,
          shadow: float = 0.45, light: float = 1.0) -> Image.Image:
    """Composite ``item`` into ``background`` as a flat object seen at an angle.

    ``height`` is the item's height as a share of the frame (before tilt); ``tilt_x``
    tips the top away (degrees), ``tilt_y`` turns it about the vertical, ``roll``
    turns it in the picture plane. ``light`` scales its brightness to the room's.
    """
    import cv2

    bg = np.asarray(background.convert("RGB"), np.float32)
    fh, fw = bg.shape[:2]
    src = np.asarray(item.convert("RGBA"), np.float32)
    ih, iw = src.shape[:2]
    quad = _projected_corners(iw, ih, tilt_x, tilt_y, roll)
    scale = height * fh / ih
    quad = quad * scale + np.array([centre[0] * fw, centre[1] * fh], np.float32)
    corners = np.array([[0, 0], [iw, 0], [iw, ih], [0, ih]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, quad.astype(np.float32))
    warped = cv2.warpPerspective(src, matrix, (fw, fh), flags=cv2.INTER_AREA
                                 if scale < 1 else cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
    alpha = warped[..., 3:4] / 255.0
    if shadow:
        soft = cv2.GaussianBlur(warped[..., 3], (0, 0), max(2.0, 0.02 * fh)) / 255.0
        offset = np.roll(np.roll(soft, int(0.012 * fh), axis=0), int(0.008 * fw), axis=1)
        bg = bg * (1 - shadow * offset[..., None])
    out = bg * (1 - alpha) + warped[..., :3] * light * alpha
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _projected_corners(w: int, h: int, tilt_x: float, tilt_y: float, roll: float) -> np.ndarray:
    """Corners of a w x h card turned in 3-D and seen through a pinhole, centred on 0."""
    ax, ay, az = np.radians([tilt_x, tilt_y, roll])
    rx = np.array([[1, 0, 0], [0, np.cos(ax), -np.sin(ax)], [0, np.sin(ax), np.cos(ax)]])
    ry = np.array([[np.cos(ay), 0, np.sin(ay)], [0, 1, 0], [-np.sin(ay), 0, np.cos(ay)]])
    rz = np.array([[np.cos(az), -np.sin(az), 0], [np.sin(az), np.cos(az), 0], [0, 0, 1]])
    pts = np.array([[-w / 2, -h / 2, 0], [w / 2, -h / 2, 0], [w / 2, h / 2, 0],
                    [-w / 2, h / 2, 0]], float)
    turned = pts @ (rz @ ry @ rx).T
    focal = 1.6 * max(w, h)
    return (turned[:, :2] * focal / (turned[:, 2:3] + focal)).astype(np.float32)


def defocus(img: Image.Image, radius: float) -> Image.Image:
    """Out-of-focus blur: a disc kernel of ``radius`` pixels, as a lens makes it."""
    import cv2

    if radius <= 0.5:
        return img
    r = int(np.ceil(radius))
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
    kernel = ((xx ** 2 + yy ** 2) <= radius ** 2).astype(np.float32)
    kernel /= kernel.sum()
    out = cv2.filter2D(np.asarray(img.convert("RGB")), -1, kernel, borderType=cv2.BORDER_REFLECT)
    return Image.fromarray(out)


def motion(img: Image.Image, length: float, angle: float = 0.0) -> Image.Image:
    """Camera shake: a straight smear ``length`` pixels long at ``angle`` degrees."""
    import cv2

    if length < 1.5:
        return img
    size = int(np.ceil(length)) | 1
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    dx, dy = np.cos(np.radians(angle)), -np.sin(np.radians(angle))
    for t in np.linspace(-length / 2, length / 2, 4 * size):
        kernel[int(round(c + t * dy)), int(round(c + t * dx))] = 1.0
    kernel /= kernel.sum()
    out = cv2.filter2D(np.asarray(img.convert("RGB")), -1, kernel, borderType=cv2.BORDER_REFLECT)
    return Image.fromarray(out)


def glare(img: Image.Image, centre=(0.5, 0.4), radius: float = 0.12,
          strength: float = 1.0, stretch: float = 1.0, angle: float = 0.0) -> Image.Image:
    """A specular reflection: a bright, slightly warm blob that washes out what is under it.

    ``stretch`` > 1 draws it out into a band along ``angle`` (a tube light on glossy card).
    """
    rgb = np.asarray(img.convert("RGB"), np.float32)
    h, w = rgb.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = (xx - centre[0] * w) / h, (yy - centre[1] * h) / h
    a = np.radians(angle)
    along, across = dx * np.cos(a) + dy * np.sin(a), -dx * np.sin(a) + dy * np.cos(a)
    dist2 = (along / stretch) ** 2 + across ** 2
    blob = strength * np.exp(-dist2 / (2 * radius ** 2))
    core = np.clip(blob * 1.6, 0, 1)[..., None]
    out = rgb + blob[..., None] * np.array([255, 250, 238], np.float32)
    out = out * (1 - core) + 255 * core
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def low_light(img: Image.Image, level: float, seed: int, *, noise: float = 6.0,
              cast=(1.0, 0.86, 0.62)) -> Image.Image:
    """A dim room: darker, a lamp's colour cast, and sensor noise that the phone amplified."""
    rgb = np.asarray(img.convert("RGB"), np.float32) / 255.0
    dark = (rgb ** 1.15) * level * np.array(cast, np.float32)
    rng = np.random.default_rng(seed)
    h, w = rgb.shape[:2]
    luma = rng.normal(0, noise / 255.0, size=(h, w, 1))
    chroma = rng.normal(0, noise / 2 / 255.0, size=(h, w, 3))
    out = (dark + luma + chroma) * 255
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def sensor_noise(img: Image.Image, seed: int, sigma: float = 2.5) -> Image.Image:
    """The faint noise every phone photo has, even in good light."""
    rgb = np.asarray(img.convert("RGB"), np.float32)
    rng = np.random.default_rng(seed)
    out = rgb + rng.normal(0, sigma, size=rgb.shape[:2] + (1,))
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def exposure(img: Image.Image, gain: float, *, lift: float = 0.0) -> Image.Image:
    """Brighter or darker overall; ``lift`` raises the blacks (haze, overexposure)."""
    rgb = np.asarray(img.convert("RGB"), np.float32)
    out = rgb * gain + lift * (255 - rgb * gain)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def vignette(img: Image.Image, strength: float = 0.35) -> Image.Image:
    """Darker corners, as small phone lenses give."""
    rgb = np.asarray(img.convert("RGB"), np.float32)
    h, w = rgb.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    out = rgb * (1 - strength * np.clip(r2 / 2, 0, 1))[..., None]
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def reframe(img: Image.Image, box, size=None) -> Image.Image:
    """Keep only ``box`` (fractions left, top, right, bottom) and scale back to ``size``.

    Too close: a box in the middle. Cut off: a box that runs off the object's edge.
    """
    w, h = img.size
    left, top, right, bottom = box
    region = img.crop((int(left * w), int(top * h), int(right * w), int(bottom * h)))
    return region.resize(size or img.size, Image.Resampling.LANCZOS)


def turn(img: Image.Image, degrees: float) -> Image.Image:
    """The phone held crooked: quarter turns are exact; other angles zoom in to hide corners."""
    if degrees % 90 == 0:
        steps = int(degrees // 90) % 4
        ops = {1: Image.Transpose.ROTATE_90, 2: Image.Transpose.ROTATE_180,
               3: Image.Transpose.ROTATE_270}
        return img.transpose(ops[steps]) if steps else img
    w, h = img.size
    turned = img.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=False)
    a = np.radians(abs(degrees) % 90)
    zoom = np.cos(a) + np.sin(a) * max(w / h, h / w)
    cw, ch = w / zoom, h / zoom
    inner = turned.crop((int((w - cw) / 2), int((h - ch) / 2), int((w + cw) / 2),
                         int((h + ch) / 2)))
    return inner.resize((w, h), Image.Resampling.LANCZOS)


def finger(img: Image.Image, seed: int, *, cover: float = 0.8,
           corner: str = "bottom-left") -> Image.Image:
    """A fingertip over the lens: a blurred, backlit skin-red mass from one corner."""
    import cv2

    rgb = np.asarray(img.convert("RGB"), np.float32)
    h, w = rgb.shape[:2]
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ox = 0.0 if "left" in corner else 1.0
    oy = 1.0 if "bottom" in corner else 0.0
    d = np.sqrt(((xx / w - ox) * 1.0) ** 2 + ((yy / h - oy) * 0.8) ** 2)
    edge = cover * 1.25 + 0.04 * np.sin(xx / w * 7 + rng.uniform(0, 6))
    inside = np.clip((edge - d) / 0.12, 0, 1)
    inside = cv2.GaussianBlur(inside.astype(np.float32), (0, 0), 0.05 * h)[..., None]
    depth = np.clip(1 - d / (edge + 1e-6), 0, 1)[..., None]
    skin = np.array([150, 62, 48], np.float32) * (0.55 + 0.6 * (1 - depth)) + 18
    out = rgb * (1 - inside) + skin * inside
    return defocus(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)), 6)


def handheld(img: Image.Image, seed: int) -> Image.Image:
    """The unsteady hand and loose focus every photo by a blind user has, drawn per photo.

    Rates follow VizWiz's quality study (Chiu et al., 2020): blur is the most common
    flaw, in about half of the photos, so a bit under half get a clearly soft focus
    (disc radius 1.8-3 pixels at 1024 wide) and a fifth a clear shake (4-8 pixels);
    the rest stay nearly sharp. Drawn from ``seed``, never chosen per case.
    """
    rng = np.random.default_rng([seed, 2020])
    scale = max(img.size) / 1024
    radius = rng.uniform(1.8, 3.0) if rng.random() < 0.45 else rng.uniform(0.5, 1.2)
    shake = rng.uniform(4, 8) if rng.random() < 0.2 else rng.uniform(0, 3)
    return motion(defocus(img, radius * scale), shake * scale, rng.uniform(0, 180))


def phone_jpeg(img: Image.Image, quality: int = 85) -> Image.Image:
    """Round-trip through JPEG at ``quality``, as the phone saves it."""
    buffer = io.BytesIO()
    img.convert("RGB").save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as out:
        return out.convert("RGB")
