"""FasterWhisperTranscriber on real recorded speech with the bundled models."""
from __future__ import annotations

import jiwer
import numpy as np
import pytest
from asr_support import alsa, asterisk_prompt, goforward_raw, librivox_clips, norm_words

from assistant.asr import TranscribeOptions, Transcription
from assistant.asr.whisper import FasterWhisperTranscriber, choose_model
from assistant.audio import load_audio
from assistant.config import AsrConfig
from assistant.errors import ConfigError, InputError
from assistant.events import ModelLoaded, ModelLoading, Progress

pytestmark = pytest.mark.slow


def _corpus_wer(transcriber) -> float:
    refs, hyps = [], []
    for wav, reference in librivox_clips():
        result = transcriber.transcribe(load_audio(wav))
        refs.append(norm_words(reference))
        hyps.append(norm_words(result.text))
    return jiwer.wer(refs, hyps)


# -- model choice (pure) --------------------------------------------------------
@pytest.mark.parametrize("model,language,task,expected,detect", [
    ("auto", "en", "transcribe", "tiny.en", False),
    ("auto", "en-US", "transcribe", "tiny.en", False),
    ("auto", None, "transcribe", "tiny.en", True),   # English first, base where in doubt
    ("auto", "fr", "transcribe", "base", False),
    ("auto", "en", "translate", "base", False),
    ("auto", None, "translate", "base", False),       # faster-whisper detects, then translates
    ("base", "en", "transcribe", "base", False),
    ("base", None, "transcribe", "base", True),
    ("tiny.en", None, "transcribe", "tiny.en", False),
])
def test_choose_model(model, language, task, expected, detect):
    choice = choose_model(AsrConfig(model=model), language, task)
    assert (choice.name, choice.detect) == (expected, detect)


def test_impossible_model_requests_are_config_errors(tmp_path):
    with pytest.raises(ConfigError):
        choose_model(AsrConfig(model="tiny.en"), "fr", "transcribe")
    with pytest.raises(ConfigError):
        choose_model(AsrConfig(model="tiny.en"), "en", "translate")
    with pytest.raises(ConfigError):
        choose_model(AsrConfig(model="large-v9"), "en", "transcribe")
    assert choose_model(AsrConfig(model=str(tmp_path)), "en", "transcribe").name == str(tmp_path)


# -- English with tiny.en ---------------------------------------------------------
def test_tiny_en_wer_on_librivox(tiny_transcriber):
    wer = _corpus_wer(tiny_transcriber)
    assert wer <= 0.20, wer  # measured 0.10 (its misses: "ill disposed" -> "old sposed")


def test_front_center(tiny_transcriber):
    result = tiny_transcriber.transcribe(load_audio(alsa("Front_Center")))
    assert norm_words(result.text) == "front center"
    assert result.model == "tiny.en" and result.device == "cpu" and result.language == "en"
    assert 1.0 < result.duration_s < 2.0


def test_goforward_raw_with_word_timestamps(tiny_transcriber):
    audio = load_audio(goforward_raw())
    result = tiny_transcriber.transcribe(audio, TranscribeOptions(word_timestamps=True))
    assert norm_words(result.text) == "go forward ten meters"
    words = [w for seg in result.segments for w in seg.words]
    assert [norm_words(w.text) for w in words] == ["go", "forward", "ten", "meters"]
    length = len(audio) / 16000
    for word in words:
        assert 0.0 <= word.start <= word.end <= length + 0.05
        assert 0.0 < word.probability <= 1.0
    starts = [w.start for w in words]
    assert starts == sorted(starts)
    assert all(a.end <= b.start + 0.01 for a, b in zip(words, words[1:]))


def test_initial_prompt_steers_spelling(tiny_transcriber):
    audio = load_audio(goforward_raw())
    prompted = tiny_transcriber.transcribe(audio, TranscribeOptions(initial_prompt="Go forward ten meters."))
    assert norm_words(prompted.text) == "go forward ten meters"
    assert "ten" in prompted.text.lower()  # plain run writes "10"; the prompt's style wins


@pytest.mark.parametrize("kind", ["silence", "white noise"])
def test_silence_and_noise_give_empty_text(tiny_transcriber, base_transcriber, auto_transcriber, kind):
    rng = np.random.default_rng(7)
    audio = np.zeros(160_000, np.float32) if kind == "silence" else \
        (0.1 * rng.standard_normal(160_000)).astype(np.float32)
    for transcriber in (tiny_transcriber, base_transcriber, auto_transcriber):
        result = transcriber.transcribe(audio)
        assert result.text == "", (transcriber.name, result.text)
        assert result.duration_s == pytest.approx(10.0, abs=0.01)


def test_bad_audio_arrays_are_input_errors(tiny_transcriber):
    with pytest.raises(InputError) as err:
        tiny_transcriber.transcribe(np.zeros(0, np.float32))
    assert err.value.code == "audio_empty"
    with pytest.raises(InputError):
        tiny_transcriber.transcribe(np.zeros((2, 3, 4), np.float32))


def test_bad_files_are_input_errors(tiny_transcriber, tmp_path):
    fake = tmp_path / "photo.wav"
    fake.write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))
    with pytest.raises(InputError) as err:
        tiny_transcriber.transcribe_file(fake)
    assert err.value.code == "audio_unreadable"
    with pytest.raises(InputError) as err:
        tiny_transcriber.transcribe_file(tmp_path / "missing.wav")
    assert err.value.code == "file_missing"


def test_stereo_int16_frames_are_accepted(tiny_transcriber):
    audio = load_audio(alsa("Front_Center"))
    stereo = (np.stack([audio, audio], axis=1) * 32767).astype(np.int16)  # as a mic block arrives
    assert norm_words(tiny_transcriber.transcribe(stereo).text) == "front center"


def test_region_codes_and_unknown_languages(tiny_transcriber, base_transcriber):
    audio = load_audio(alsa("Front_Center"))
    assert tiny_transcriber.transcribe(audio, TranscribeOptions(language="en-US")).language == "en"
    with pytest.raises(ConfigError):
        base_transcriber.transcribe(audio, TranscribeOptions(language="klingon"))


def test_warm_up_loads_the_default_model():
    events = []
    transcriber = FasterWhisperTranscriber(AsrConfig(language="en"), on_event=events.append)
    transcriber.warm_up()
    assert [type(e) for e in events] == [ModelLoading, ModelLoaded]
    assert norm_words(transcriber.transcribe(load_audio(alsa("Front_Center"))).text) == "front center"


def test_events_report_model_loading(base_cache):
    events = []
    transcriber = FasterWhisperTranscriber(AsrConfig(language="en"), on_event=events.append)
    transcriber.load()
    kinds = [type(e) for e in events]
    assert kinds == [ModelLoading, ModelLoaded]
    assert events[1].model == "tiny.en" and events[1].device == "cpu" and events[1].elapsed_ms > 0
    transcriber.load()  # cached: no second load
    assert len(events) == 2


def test_building_base_reports_progress(tmp_path):
    events = []
    transcriber = FasterWhisperTranscriber(AsrConfig(language="fr"), cache_dir=tmp_path / "wb",
                                           on_event=events.append)
    transcriber.load()
    progress = [e for e in events if isinstance(e, Progress)]
    assert progress and progress[-1].done == progress[-1].total == 145_217_532
    assert [type(e) for e in events[len(progress):]] == [ModelLoading, ModelLoaded]
    assert events[-1].model == "base"


def test_gpu_request_without_cuda():
    from assistant.asr.whisper import cuda_usable
    from assistant.errors import DeviceError

    if cuda_usable():  # a machine with a working GPU: auto must pick it
        assert FasterWhisperTranscriber(AsrConfig(device="auto")).device == "cuda"
        return
    assert FasterWhisperTranscriber(AsrConfig(device="auto")).device == "cpu"
    with pytest.raises(DeviceError):
        FasterWhisperTranscriber(AsrConfig(device="cuda")).device


# -- multilingual base -------------------------------------------------------------
def test_base_wer_on_librivox(base_transcriber):
    wer = _corpus_wer(base_transcriber)
    assert wer <= 0.10, wer  # measured 0.014


@pytest.mark.parametrize("language,key", [("fr", "vm-intro"), ("fr", "conf-getpin"),
                                          ("es", "vm-instructions"), ("es", "conf-getpin"),
                                          ("ru", "vm-intro"), ("ru", "vm-instructions")])
def test_language_detection(auto_transcriber, language, key):
    """The default (no language set) still hears other languages in their own words."""
    wav, reference = asterisk_prompt(language, key)
    result = auto_transcriber.transcribe(load_audio(wav))
    assert result.language == language
    assert result.model == "base"
    assert {seg.language for seg in result.segments} == {language}
    assert jiwer.wer(norm_words(reference), norm_words(result.text)) < 0.5, result.text


@pytest.mark.parametrize("language", ["fr", "es"])
def test_translate_gives_english(base_transcriber, language):
    key = "vm-intro"
    wav, source = asterisk_prompt(language, key)
    _, english = asterisk_prompt("en", key)
    result = base_transcriber.transcribe(load_audio(wav), TranscribeOptions(task="translate"))
    words = set(norm_words(result.text).split())
    english_hits = words & set(norm_words(english).split())
    source_hits = words & set(norm_words(source).split())
    assert len(english_hits) >= 4 and len(english_hits) > len(source_hits), (result.text, english_hits)


def test_base_model_is_built_in_the_given_cache(base_transcriber, base_cache):
    base_transcriber.load(language="fr")
    assert (base_cache / "model.bin").stat().st_size == 145_217_532


def test_transcription_is_a_frozen_result(tiny_transcriber):
    result = tiny_transcriber.transcribe(load_audio(alsa("Front_Center")))
    assert isinstance(result, Transcription)
    with pytest.raises(AttributeError):
        result.text = "changed"  # type: ignore[misc]
