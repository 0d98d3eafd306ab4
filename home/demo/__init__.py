"""Demo content: generated pictures and PDFs, the English texts, and the loader.

Nothing here downloads anything: pictures are drawn with Pillow, PDFs are written by hand,
and the few video clips in ``assets/video`` were generated once (``make_video_clips.py``).
"""
