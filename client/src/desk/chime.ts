/** Made on the first chime: a page may start audio only after the person has used it (a click, a key). */
let audio: AudioContext | null = null

/** The two tones of a chime (Hz), each this long (s): short, and unlike any system sound. */
const TONES = [880, 1320]
const TONE_S = 0.14

/**
 * Two short tones through Web Audio, no sound file: a case has arrived at the desk. False when the browser
 * gives no audio (none at all, or none yet on a page nobody has touched).
 */
export function chime(): boolean {
  try {
    audio ??= new AudioContext()
    void audio.resume()
    const start = audio.currentTime
    TONES.forEach((hz, i) => {
      const at = start + i * (TONE_S + 0.03)
      const tone = audio!.createOscillator()
      const gain = audio!.createGain()
      tone.frequency.value = hz
      gain.gain.setValueAtTime(0.0001, at)
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + TONE_S)
      tone.connect(gain).connect(audio!.destination)
      tone.start(at)
      tone.stop(at + TONE_S + 0.01)
    })
    return audio.state !== 'closed'
  } catch {
    return false
  }
}
