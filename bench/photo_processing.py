#!/usr/bin/env python
"""
What an upload of a camera photo costs the admin request: checking it, storing it upright
without metadata, and making its renditions; and the size of each rendition.

    .venv/bin/python bench/photo_processing.py                  # a 4000 × 3000 JPEG
    .venv/bin/python bench/photo_processing.py --width 6000 --height 4000 --repeat 5

The photo is made here: smoothed noise over a coarse pattern, saved as JPEG quality 92 with the
EXIF orientation of a phone held upright, so that it is turned on every run. Noise compresses
worse than a real photo, so the byte sizes are upper bounds; the times depend on the pixel
count and hold for real photos. Files go to a temporary folder; nothing touches the database.
"""

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def camera_photo(width, height):
    from PIL import ExifTags, Image, ImageFilter

    coarse = Image.effect_noise((width // 4, height // 4), 80).convert("RGB")
    coarse = coarse.resize((width, height), Image.Resampling.BICUBIC)
    fine = Image.effect_noise((width, height), 25).convert("RGB")
    picture = Image.blend(coarse, fine, 0.3).filter(ImageFilter.SMOOTH)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=92, exif=exif)
    return output.getvalue()


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width", type=int, default=4000)
    parser.add_argument("--height", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args(argv)

    media = tempfile.mkdtemp(prefix="photo-bench-")
    os.environ["MEDIA_ROOT"] = media
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassy.settings")
    import django

    django.setup()
    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cooperation.models import NewsPhoto
    from photos.uploads import normalize_photo, validate_photo_upload

    content = camera_photo(options.width, options.height)
    print(f"photo: {options.width} × {options.height} JPEG, {len(content):,} bytes, orientation 6")
    timings = {"check": [], "normalise": [], "store+renditions": []}
    for run in range(options.repeat):
        upload = SimpleUploadedFile(f"photo-{run}.jpg", content, content_type="image/jpeg")
        photo = NewsPhoto(slug=f"bench-{run}")
        timings["check"].append(timed(lambda: validate_photo_upload(upload))[0])  # noqa: B023
        duration, normalized = timed(lambda: normalize_photo(upload))  # noqa: B023
        timings["normalise"].append(duration)
        # Saving the normalised photo writes it and makes its renditions.
        save = timed(lambda: photo.image.save(upload.name, normalized, save=False))  # noqa: B023
        timings["store+renditions"].append(save[0])
    for step, values in timings.items():
        print(f"{step:<17} median {statistics.median(values):.2f} s  (runs: {len(values)})")
    total = sum(statistics.median(values) for values in timings.values())
    print(f"{'total':<17} {total:.2f} s")
    print(f"original as stored: {photo.width} × {photo.height}, {photo.image.size:,} bytes")
    for rendition in photo.image.renditions:
        size = default_storage.size(rendition.name)
        print(
            f"  {rendition.width:>5} × {rendition.height:<5} {rendition.format.name:<5} {size:>9,}"
        )
    shutil.rmtree(media)


if __name__ == "__main__":
    main()
