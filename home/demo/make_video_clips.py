"""Make the demo video clips in ``assets/video`` (run once by a developer, not by the site).

The clips are generated, not downloaded: each frame is drawn with Pillow
(``pictures.frame``) and piped to an ffmpeg binary as raw RGB. This machine has no
ffmpeg, so the clips were made with the binary that the ``imageio-ffmpeg`` wheel ships,
installed into a throwaway virtualenv only for this::

    python -m venv /tmp/ffvenv && /tmp/ffvenv/bin/pip install imageio-ffmpeg
    FFMPEG=$(/tmp/ffvenv/bin/python -c "import imageio_ffmpeg as m; print(m.get_ffmpeg_exe())")
    .venv/bin/python -m home.demo.make_video_clips --ffmpeg "$FFMPEG"

The committed clips are what the demo loader uploads; re-running this is only needed to
change them.
"""

import argparse
import subprocess
from pathlib import Path

from core.sample_files.pictures import frame

VIDEO_DIR = Path(__file__).resolve().parent / "assets" / "video"
WIDTH, HEIGHT, FPS, SECONDS = 640, 360, 24, 8

# file stem -> (seed, title, subtitle)
CLIPS = {
    "clip-1": ("clip-1", "Letters home", "Nejat Society · demo clip 1"),
    "clip-2": ("clip-2", "A day at the family centre", "Nejat Society · demo clip 2"),
    "clip-3": ("clip-3", "Voices from the conference", "Nejat Society · demo clip 3"),
}


def make_clip(ffmpeg, path, seed, title, subtitle):
    command = [
        ffmpeg,
        "-y",
        "-loglevel",
        "error",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "-s",
        f"{WIDTH}x{HEIGHT}",
        "-r",
        str(FPS),
        "-i",
        "-",
        "-an",
        "-c:v",
        "libx264",
        "-preset",
        "veryslow",
        "-crf",
        "24",
        "-profile:v",
        "main",
        "-pix_fmt",
        "yuv420p",
        "-movflags",
        "+faststart",
        "-map_metadata",
        "-1",
        "-fflags",
        "+bitexact",
        "-flags:v",
        "+bitexact",
        str(path),
    ]
    process = subprocess.Popen(command, stdin=subprocess.PIPE)
    total = FPS * SECONDS
    for index in range(total):
        image = frame(WIDTH, HEIGHT, seed, index / (total - 1), title, subtitle)
        process.stdin.write(image.tobytes())
    process.stdin.close()
    if process.wait() != 0:
        raise SystemExit(f"ffmpeg failed for {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ffmpeg", required=True, help="path to an ffmpeg binary")
    args = parser.parse_args()
    VIDEO_DIR.mkdir(parents=True, exist_ok=True)
    for stem, (seed, title, subtitle) in CLIPS.items():
        path = VIDEO_DIR / f"{stem}.mp4"
        make_clip(args.ffmpeg, path, seed, title, subtitle)
        print(f"{path.name}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
