"""``POST /caption`` and ``POST /vqa``: one picture (multipart ``image``), JSON out.

For scripts that want no OpenAI client: ``curl -F image=@photo.jpg .../caption`` gives
``{"caption": ...}``; ``-F question=...`` to ``/vqa`` gives ``{"answer": ...}``.
"""
from __future__ import annotations

from typing import Any

from .errors import bad_request
from .images import decode_image
from .limits import MB, check_size, check_text

CAPTION_QUESTION = "Describe this picture."


def question_from(form: Any, runtime, *, required: bool) -> str:
    value = form.get("question")
    if not isinstance(value, str) or not value.strip():
        if required:
            raise bad_request("Add a 'question' field with the question about the picture.",
                              "empty_question", "question")
        return CAPTION_QUESTION
    check_text(value, runtime.config.serve.max_text_chars, "question")
    return value.strip()


def upload_from(form: Any, runtime) -> Any:
    upload = form.get("image")
    if upload is None or isinstance(upload, str):
        raise bad_request("Send the picture as a file field named 'image' "
                          "(curl -F image=@photo.jpg).", "image_missing", "image")
    if upload.size is not None:
        check_size(upload.size, runtime.config.serve.max_image_mb, "picture", "image_too_large", "image")
    return upload


def answer_job(upload: Any, question: str, runtime):
    limit = runtime.config.serve.max_image_mb

    def job(cancel):
        upload.file.seek(0)
        data = upload.file.read(int(limit * MB) + 1)
        check_size(len(data), limit, "picture", "image_too_large", "image")
        with runtime.scratch_dir() as scratch:
            image = decode_image(data, scratch, param="image")
        return runtime.answer(image, question, [], cancel)

    return job
